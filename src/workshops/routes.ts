/** The staff's workshop pages: list, create, change, attendees, attendance, invitations, live capture, items, priorities, voting, evidence. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Action, actorOf, authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { listConsultations } from '../consultations/index.js';
import { findPartnership, type Partnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { type FormBody, firstValue, parseRequest } from '../platform/validation.js';
import { listStakeholders } from '../stakeholders/index.js';
import { addText, editText, removeText } from './manageItems.js';
import { advanceVoting, createWorkshop, recordAttendance, setAttendees, updateWorkshop } from './manageWorkshops.js';
import { listWorkshops, loadWorkshopDetail, type Workshop } from './queries/loadWorkshop.js';
import { workshopEvidence } from './queries/workshopEvidence.js';
import { partnershipFormRequest, partnershipRequest, textFormRequest, textRequest, workshopFormRequest, workshopRequest } from './schema.js';
import { sendWorkshopInvitations } from './sendInvitations.js';
import { capturePage, evidencePage, invitationsPage, itemPage, workshopFormPage, workshopPage, workshopPath, workshopsPage } from './viewModels.js';
import { dateFromBoxes } from './workshopFields.js';

const listOf = (value: FormBody[string] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const FORM_FIELDS = ['title', 'theme', 'customTheme', 'consultationId', 'evidence', 'evidenceLinks', 'dots'] as const;
function workshopValues(body: FormBody): Record<string, string> {
  const values: Record<string, string> = Object.fromEntries(FORM_FIELDS.map((f) => [f, firstValue(body[f])]));
  for (const part of ['day', 'month', 'year']) values[`heldOn-${part}`] = firstValue(body[`heldOn-${part}`]);
  values.heldOn = dateFromBoxes(values['heldOn-day'] ?? '', values['heldOn-month'] ?? '', values['heldOn-year'] ?? '');
  return values;
}
function valuesOf(w: Workshop): Record<string, string> {
  const [year = '', month = '', day = ''] = w.heldOn.split('-');
  return {
    title: w.title,
    theme: w.theme,
    customTheme: w.customTheme ?? '',
    consultationId: w.consultationId ?? '',
    evidence: w.evidence,
    evidenceLinks: w.evidenceLinks.map((l) => `${l.text} | ${l.href}`).join('\n'),
    dots: String(w.dots),
    'heldOn-day': String(Number(day)),
    'heldOn-month': String(Number(month)),
    'heldOn-year': year,
  };
}
/** A date that does not make a real date is reported on the day box, as the GOV.UK pattern does. */
const dateErrorsOnDayBox = (fields: readonly { field: string; message: string }[]) =>
  fields.map((f) => (f.field === 'heldOn' ? { ...f, field: 'heldOn-day' } : f));

const NOTICES: Record<string, string> = {
  created: 'The workshop was created.',
  saved: 'The workshop was saved.',
  attendees: 'The list of attendees was saved.',
  attendance: 'Attendance was recorded.',
  candidate: 'The priority was added.',
  'candidate-removed': 'The priority was removed.',
  'item-saved': 'The item was saved.',
  'item-removed': 'The item was removed.',
  'voting-open': 'Voting is open: attendees can vote through their personal links.',
  'voting-closed': 'Voting is closed.',
};

export async function workshopRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, config } = services;

  async function partnershipFor(user: Principal | undefined, id: string, action: Action) {
    const principal = authorize(user, action, id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }
  async function workshopFor(user: Principal | undefined, id: string, wid: string, action: Action) {
    const found = await partnershipFor(user, id, action);
    const workshop = await loadWorkshopDetail(db, found.partnership.id, wid);
    if (!workshop) throw notFound('Workshop');
    return { ...found, workshop };
  }
  async function showWorkshop(
    partnership: Partnership,
    principal: Principal,
    wid: string,
    extra: { notice?: string | undefined; fields?: { field: string; message: string }[] } = {},
  ) {
    const workshop = await loadWorkshopDetail(db, partnership.id, wid);
    if (!workshop) throw notFound('Workshop');
    const canManage = can(principal, 'engagement:manage', partnership.id);
    const register = canManage ? await listStakeholders(db, partnership.id) : [];
    const consultationTitle = workshop.consultationId
      ? (await listConsultations(db, partnership.id)).find((c) => c.id === workshop.consultationId)?.title
      : undefined;
    const canCode = can(principal, 'coding:code', partnership.id);
    return workshopPage({ partnership, workshop, register, consultationTitle, canManage, canCode, ...extra });
  }
  const back = (p: { id: string }, w: { id: string }, done: string) => `${workshopPath(p, w)}?done=${done}`;

  app.get('/staff/partnerships/:id/workshops', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'workshops:view');
    const workshops = await listWorkshops(db, partnership.id);
    return reply.view(
      'workshops/views/list.njk',
      workshopsPage({ partnership, workshops, canManage: can(principal, 'engagement:manage', partnership.id) }),
    );
  });

  app.get('/staff/partnerships/:id/workshop-evidence', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'workshops:view');
    const groups = await workshopEvidence(db, partnership.id);
    return reply.view(
      'workshops/views/evidence.njk',
      evidencePage({ partnership, groups, canSeeAnalysis: can(principal, 'consultation:view', partnership.id) }),
    );
  });

  app.get('/staff/partnerships/:id/workshops/new', async (request, reply) => {
    const { params } = parseRequest(partnershipRequest, request);
    const { partnership } = await partnershipFor(request.user, params.id, 'engagement:manage');
    const consultations = await listConsultations(db, partnership.id);
    return reply.view(
      'workshops/views/workshop-form.njk',
      workshopFormPage({ partnership, consultations, values: { theme: 'place', dots: '3', consultationId: consultations[0]?.id ?? '' } }),
    );
  });

  app.post('/staff/partnerships/:id/workshops/new', async (request, reply) => {
    const { params, body } = parseRequest(partnershipFormRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'engagement:manage');
    const values = workshopValues(body);
    const created = await attempt(['validation_failed'], () =>
      createWorkshop({ db, actor: actorOf(principal), partnershipId: partnership.id, fields: values }),
    );
    if (created.ok) return reply.redirect(back(partnership, { id: created.value }, 'created'), 303);
    const consultations = await listConsultations(db, partnership.id);
    return reply
      .status(422)
      .view(
        'workshops/views/workshop-form.njk',
        workshopFormPage({ partnership, consultations, values, fields: dateErrorsOnDayBox(created.error.fields) }),
      );
  });

  app.get('/staff/partnerships/:id/workshops/:wid', async (request, reply) => {
    const { params, query } = parseRequest(workshopRequest, request);
    const { partnership, principal } = await partnershipFor(request.user, params.id, 'workshops:view');
    return reply.view('workshops/views/workshop.njk', await showWorkshop(partnership, principal, params.wid, { notice: NOTICES[query.done ?? ''] }));
  });

  app.get('/staff/partnerships/:id/workshops/:wid/edit', async (request, reply) => {
    const { params } = parseRequest(workshopRequest, request);
    const { partnership, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const consultations = await listConsultations(db, partnership.id);
    return reply.view('workshops/views/workshop-form.njk', workshopFormPage({ partnership, workshop, consultations, values: valuesOf(workshop) }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/edit', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const values = workshopValues(body);
    const saved = await attempt(['validation_failed'], () =>
      updateWorkshop({ db, actor: actorOf(principal), partnershipId: partnership.id, id: workshop.id, fields: values }),
    );
    if (saved.ok) return reply.redirect(back(partnership, workshop, 'saved'), 303);
    const consultations = await listConsultations(db, partnership.id);
    return reply
      .status(422)
      .view(
        'workshops/views/workshop-form.njk',
        workshopFormPage({ partnership, workshop, consultations, values, fields: dateErrorsOnDayBox(saved.error.fields) }),
      );
  });

  app.post('/staff/partnerships/:id/workshops/:wid/attendees', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const stakeholderIds = listOf(body.attendees);
    const saved = await attempt(['validation_failed'], () =>
      setAttendees({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId: workshop.id, stakeholderIds }),
    );
    if (saved.ok) return reply.redirect(back(partnership, workshop, 'attendees'), 303);
    return reply
      .status(422)
      .view('workshops/views/workshop.njk', await showWorkshop(partnership, principal, workshop.id, { fields: saved.error.fields }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/attendance', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const attended = listOf(body.attended);
    const saved = await attempt(['validation_failed'], () =>
      recordAttendance({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId: workshop.id, attended }),
    );
    if (saved.ok) return reply.redirect(back(partnership, workshop, 'attendance'), 303);
    return reply
      .status(422)
      .view('workshops/views/workshop.njk', await showWorkshop(partnership, principal, workshop.id, { fields: saved.error.fields }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/invitations', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const sent = await attempt(['validation_failed', 'conflict'], () =>
      sendWorkshopInvitations({
        db,
        actor: actorOf(principal),
        partnershipId: partnership.id,
        workshopId: workshop.id,
        stakeholderIds: listOf(body.invite),
        secret: config.sessionSecret,
        baseUrl: config.publicUrl ?? `${request.protocol}://${request.host}`,
        partnershipName: partnership.name,
      }),
    );
    if (sent.ok) return reply.view('workshops/views/invitations.njk', invitationsPage({ partnership, workshop, outcomes: sent.value }));
    const fields = sent.error.fields.length ? sent.error.fields : [{ field: 'invite', message: sent.error.message }];
    return reply.status(sent.error.status).view('workshops/views/workshop.njk', await showWorkshop(partnership, principal, workshop.id, { fields }));
  });

  app.get('/staff/partnerships/:id/workshops/:wid/capture', async (request, reply) => {
    const { params } = parseRequest(workshopRequest, request);
    const { partnership, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    return reply.view('workshops/views/capture.njk', capturePage({ partnership, workshop }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/capture', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const text = firstValue(body.text);
    const added = await attempt(['validation_failed'], () =>
      addText({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId: workshop.id, kind: 'item', text }),
    );
    if (added.ok) return reply.redirect(`${workshopPath(partnership, workshop)}/capture`, 303);
    return reply.status(422).view('workshops/views/capture.njk', capturePage({ partnership, workshop, text, fields: added.error.fields }));
  });

  async function textFor(user: Principal | undefined, id: string, wid: string, tid: string) {
    const found = await workshopFor(user, id, wid, 'engagement:manage');
    const item = found.workshop.items.find((i) => i.id === tid);
    if (!item) throw notFound('Item');
    return { ...found, item };
  }

  app.get('/staff/partnerships/:id/workshops/:wid/items/:tid', async (request, reply) => {
    const { params } = parseRequest(textRequest, request);
    const { partnership, workshop, item } = await textFor(request.user, params.id, params.wid, params.tid);
    return reply.view('workshops/views/item.njk', itemPage({ partnership, workshop, item }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/items/:tid', async (request, reply) => {
    const { params, body } = parseRequest(textFormRequest, request);
    const { partnership, principal, workshop, item } = await textFor(request.user, params.id, params.wid, params.tid);
    const text = firstValue(body.text);
    const saved = await attempt(['validation_failed'], () =>
      editText({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId: workshop.id, kind: 'item', id: item.id, text }),
    );
    if (saved.ok) return reply.redirect(back(partnership, workshop, 'item-saved'), 303);
    return reply.status(422).view('workshops/views/item.njk', itemPage({ partnership, workshop, item, text, fields: saved.error.fields }));
  });

  app.post('/staff/partnerships/:id/workshops/:wid/items/:tid/remove', async (request, reply) => {
    const { params } = parseRequest(textRequest, request);
    const { partnership, principal, workshop, item } = await textFor(request.user, params.id, params.wid, params.tid);
    await removeText({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId: workshop.id, kind: 'item', id: item.id });
    return reply.redirect(back(partnership, workshop, 'item-removed'), 303);
  });

  const candidateChange = async (
    request: FastifyRequest,
    params: { id: string; wid: string },
    work: (o: { principal: Principal; partnership: Partnership; workshopId: string }) => Promise<unknown>,
    done: string,
  ): Promise<{ ok: true; redirect: string } | { ok: false; status: number; page: ReturnType<typeof workshopPage> }> => {
    const { partnership, principal, workshop } = await workshopFor(request.user, params.id, params.wid, 'engagement:manage');
    const result = await attempt(['validation_failed', 'conflict'], () => work({ principal, partnership, workshopId: workshop.id }));
    if (result.ok) return { ok: true, redirect: back(partnership, workshop, done) };
    const fields = result.error.fields.length ? result.error.fields : [{ field: 'candidate', message: result.error.message }];
    return { ok: false, status: result.error.status, page: await showWorkshop(partnership, principal, workshop.id, { fields }) };
  };

  app.post('/staff/partnerships/:id/workshops/:wid/candidates', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const outcome = await candidateChange(
      request,
      params,
      ({ principal, partnership, workshopId }) =>
        addText({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId, kind: 'candidate', text: firstValue(body.candidate) }),
      'candidate',
    );
    if (outcome.ok) return reply.redirect(outcome.redirect, 303);
    return reply.status(outcome.status).view('workshops/views/workshop.njk', outcome.page);
  });

  app.post('/staff/partnerships/:id/workshops/:wid/candidates/:tid/remove', async (request, reply) => {
    const { params } = parseRequest(textRequest, request);
    const outcome = await candidateChange(
      request,
      params,
      ({ principal, partnership, workshopId }) =>
        removeText({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId, kind: 'candidate', id: params.tid }),
      'candidate-removed',
    );
    if (outcome.ok) return reply.redirect(outcome.redirect, 303);
    return reply.status(outcome.status).view('workshops/views/workshop.njk', outcome.page);
  });

  app.post('/staff/partnerships/:id/workshops/:wid/voting', async (request, reply) => {
    const { params, body } = parseRequest(workshopFormRequest, request);
    const to = firstValue(body.to) === 'closed' ? 'closed' : 'open';
    const outcome = await candidateChange(
      request,
      params,
      ({ principal, partnership, workshopId }) => advanceVoting({ db, actor: actorOf(principal), partnershipId: partnership.id, workshopId, to }),
      `voting-${to}`,
    );
    if (outcome.ok) return reply.redirect(outcome.redirect, 303);
    return reply.status(outcome.status).view('workshops/views/workshop.njk', outcome.page);
  });
}
