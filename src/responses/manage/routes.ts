/** Staff pages for a consultation's responses: the list, one response in full, correcting, withdrawing and restoring. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, can } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { errorLinks, formAnswers, loadSurveyDefinition, type RawAnswers } from '../../consultations/index.js';
import { attempt, type FieldError, notFound } from '../../platform/errors.js';
import { firstValue, parseRequest } from '../../platform/validation.js';
import { readOriginals } from '../../redaction/index.js';
import { allQuestions } from '../../surveys/index.js';
import { correctResponse } from './correctResponse.js';
import { PAGE_SIZE, readFilter } from './listFilter.js';
import { correctView, formValues, listView, responseUrl, responseView, wardQuestionOf, withdrawView } from './pages.js';
import { findResponse } from './queries/findResponse.js';
import { responsesPage } from './queries/responsesPage.js';
import { responseVersions } from './queries/responseVersions.js';
import { restoreResponse } from './restoreResponse.js';
import { correctRequest, responsePageRequest, responseRequest, responsesListRequest, restoreRequest, withdrawRequest } from './schema.js';
import { staffResponses } from './staffResponses.js';
import { withdrawResponse } from './withdrawResponse.js';

export async function manageResponsesRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, runtimes } = services;

  /** The consultation, its runtime (wards) and, given a reference, the response: unknown ones are not found. */
  const load = async (user: Parameters<typeof staffResponses>[1], id: string, action: Parameters<typeof staffResponses>[3]) =>
    staffResponses(db, user, id, action, runtimes);
  const responseOf = async (staff: Awaited<ReturnType<typeof load>>, reference: string) => {
    const response = await findResponse(db, { partnershipId: staff.consultation.partnershipId, consultationId: staff.consultation.id }, reference);
    if (!response) throw notFound(`Response ${reference}`);
    const definition = await loadSurveyDefinition(db, staff.consultation, response.surveyVersion);
    return { response, definition };
  };

  app.get('/staff/consultations/:id/responses', async (request, reply) => {
    const { params, query } = parseRequest(responsesListRequest, request);
    const staff = await load(request.user, params.id, 'responses:read');
    const { consultation, partnership, principal, runtime } = staff;
    const wardQuestion = wardQuestionOf(runtime.definition);
    const read = readFilter(query, { wardQuestion, wardCodes: runtime.wards.map((w) => w.code) });
    const key = { partnershipId: consultation.partnershipId, consultationId: consultation.id };
    const found =
      read.errors.length > 0
        ? { total: 0, rows: [] }
        : await responsesPage(db, key, read.filter, { offset: (read.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    return reply.status(read.errors.length > 0 ? 422 : 200).view(
      'responses/manage/views/list.njk',
      listView({
        consultation,
        partnership,
        query,
        found,
        page: read.page,
        definition: runtime.definition,
        wards: runtime.wards,
        fields: read.errors,
        canEnter: can(principal, 'responses:enter', consultation.partnershipId),
      }),
    );
  });

  app.get('/staff/consultations/:id/responses/:reference', async (request, reply) => {
    const { params, query } = parseRequest(responseRequest, request);
    const staff = await load(request.user, params.id, 'responses:read');
    const { response, definition } = await responseOf(staff, params.reference);
    const { consultation, partnership, principal } = staff;
    return reply.view(
      'responses/manage/views/response.njk',
      responseView({
        consultation,
        partnership,
        response,
        versions: await responseVersions(db, consultation.partnershipId, response.id),
        definition,
        wards: staff.runtime.wards,
        done: query.done,
        canEnter: can(principal, 'responses:enter', consultation.partnershipId),
        canRestore: can(principal, 'responses:restore', consultation.partnershipId),
        originals: can(principal, 'responses:read-originals', consultation.partnershipId)
          ? await readOriginals(db, actorOf(principal), {
              partnershipId: consultation.partnershipId,
              consultationId: consultation.id,
              responseId: response.id,
              reference: response.reference,
            })
          : undefined,
      }),
    );
  });

  app.get('/staff/consultations/:id/responses/:reference/correct', async (request, reply) => {
    const { params } = parseRequest(responsePageRequest, request);
    const staff = await load(request.user, params.id, 'responses:enter');
    const { response, definition } = await responseOf(staff, params.reference);
    if (response.withdrawal) return reply.redirect(responseUrl(staff.consultation, response.reference), 303);
    const view = correctView({ ...staff, wards: staff.runtime.wards, response, definition, values: formValues(response.answers), reason: '' });
    return reply.view('responses/manage/views/correct.njk', view);
  });

  app.post('/staff/consultations/:id/responses/:reference/correct', async (request, reply) => {
    const { params, body } = parseRequest(correctRequest, request);
    const staff = await load(request.user, params.id, 'responses:enter');
    const { consultation, principal } = staff;
    const { response, definition } = await responseOf(staff, params.reference);
    const questions = allQuestions(definition);
    const values: RawAnswers = formAnswers(questions, body);
    const reason = firstValue(body._reason);
    const fromVersion = Number(firstValue(body._version));
    const corrected = await attempt(['validation_failed', 'conflict'], () =>
      correctResponse({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        reference: response.reference,
        fromVersion,
        answers: values,
        reason,
        definition,
        wards: staff.runtime.wards,
      }),
    );
    if (corrected.ok) return reply.redirect(`${responseUrl(consultation, response.reference)}?done=corrected`, 303);
    const { error } = corrected;
    const fields: { field: string; message: string; href?: string }[] =
      error.code === 'conflict' ? [{ field: 'form', message: error.message }] : problemLinks(questions, error.fields);
    return reply
      .status(error.code === 'conflict' ? 409 : 422)
      .view(
        'responses/manage/views/correct.njk',
        correctView({ ...staff, wards: staff.runtime.wards, response, definition, values, reason, fields }),
      );
  });

  const withdrawPage = (
    reply: FastifyReply,
    staff: Awaited<ReturnType<typeof load>>,
    view: Omit<Parameters<typeof withdrawView>[0], 'consultation' | 'partnership'>,
  ) => reply.view('responses/manage/views/withdraw.njk', withdrawView({ consultation: staff.consultation, partnership: staff.partnership, ...view }));

  app.get('/staff/consultations/:id/responses/:reference/withdraw', async (request, reply) => {
    const { params } = parseRequest(responsePageRequest, request);
    const staff = await load(request.user, params.id, 'responses:enter');
    const { response } = await responseOf(staff, params.reference);
    if (response.withdrawal) return reply.redirect(responseUrl(staff.consultation, response.reference), 303);
    return withdrawPage(reply, staff, { response, reason: '' });
  });

  app.post('/staff/consultations/:id/responses/:reference/withdraw', async (request, reply) => {
    const { params, body } = parseRequest(withdrawRequest, request);
    const staff = await load(request.user, params.id, 'responses:enter');
    const { consultation, principal } = staff;
    const { response } = await responseOf(staff, params.reference);
    const withdrawn = await attempt(['validation_failed', 'conflict'], () =>
      withdrawResponse({
        db,
        actor: actorOf(principal),
        partnershipId: consultation.partnershipId,
        consultationId: consultation.id,
        reference: response.reference,
        reason: body._reason,
      }),
    );
    if (withdrawn.ok) return reply.redirect(`${responseUrl(consultation, response.reference)}?done=withdrawn`, 303);
    const { error } = withdrawn;
    const fields = error.code === 'conflict' ? [{ field: '_reason', message: error.message }] : error.fields;
    return withdrawPage(reply.status(error.code === 'conflict' ? 409 : 422), staff, { response, reason: body._reason, fields });
  });

  app.post('/staff/consultations/:id/responses/:reference/restore', async (request, reply) => {
    const { params } = parseRequest(restoreRequest, request);
    const staff = await load(request.user, params.id, 'responses:restore');
    const { consultation, principal } = staff;
    await restoreResponse({
      db,
      actor: actorOf(principal),
      partnershipId: consultation.partnershipId,
      consultationId: consultation.id,
      reference: params.reference,
    });
    return reply.redirect(`${responseUrl(consultation, params.reference)}?done=restored`, 303);
  });
}

/** The correction's problems in page order, each linking to its field; the reason's and the form's after them. */
function problemLinks(questions: Parameters<typeof errorLinks>[0], fields: readonly FieldError[]) {
  const links: { field: string; message: string; href?: string }[] = errorLinks(questions, fields).map((l) => ({
    field: l.field,
    message: l.text,
    href: l.href,
  }));
  for (const f of fields) {
    if (f.field === '_reason') links.push({ ...f, href: '#_reason' });
    if (f.field === 'form') links.push(f);
  }
  return links;
}
