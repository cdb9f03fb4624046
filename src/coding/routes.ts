/** The coding pages: codebook, coding answers one at a time or in a list, the blind sample, agreement, the export. Thin. */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, can, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { loadConsultation } from '../consultations/index.js';
import { findPartnership } from '../partnerships/index.js';
import { csvLine } from '../platform/csvSafe.js';
import { attempt, type FieldError, forbidden, notFound, validationFailed } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { agreement } from './agreement.js';
import { mergeThemes, removeTheme, splitTheme } from './changeCodebook.js';
import { codeAnswer } from './codeAnswer.js';
import { drawBlindSample } from './drawBlindSample.js';
import { exportCodingsCsv } from './exportCodings.js';
import { filterAnswers, filterQuery, nextAnswer } from './filterAnswers.js';
import { codingCounts } from './queries/listThemes.js';
import { themeResultsOf } from './queries/themeResultsOf.js';
import { EMPTY_STATE, unitStates } from './queries/unitStates.js';
import { saveTheme } from './saveTheme.js';
import {
  type AnswerFilters,
  answerFilters,
  answerRequest,
  answersRequest,
  bulkRequest,
  codeRequest,
  codingPageRequest,
  resultsRequest,
  sampleRequest,
  splitRequest,
  themeActionRequest,
  themeEditRequest,
  themeFormRequest,
  themeRequest,
} from './schema.js';
import type { CodingPass } from './units.js';
import {
  agreementPage,
  answerPage,
  answersPage,
  blindPage,
  codebookPage,
  overviewPage,
  resultsPage,
  resultsTable,
  splitPage,
  themePage,
} from './viewModels.js';
import { loadWorkspace, type Workspace } from './workspace.js';

/** What a `done` in the query string says on the page it lands on (never the query's own text). */
const DONE: Record<string, string> = {
  added: 'The theme was added.',
  saved: 'The theme was saved.',
  merged: 'The themes were merged: every coding of the merged theme is now on the theme kept.',
  split: 'The theme was split and its codings moved as you chose.',
  removed: 'The theme was removed.',
  coded: 'Every answer in that list is coded.',
  bulk: 'The theme was added to the answers you selected.',
  sampled: 'The sample was drawn. Ask a second analyst to code it blind.',
};

const filtersFrom = (body: { question: string; filter: string; theme: string; flag: string }): AnswerFilters =>
  answerFilters.parse({
    question: body.question || undefined,
    filter: body.filter || undefined,
    theme: body.theme || undefined,
    flag: body.flag || undefined,
  });

export async function codingRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db, handle } = services;

  async function coder(user: Principal | undefined, id: string) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    const principal = authorize(user, 'coding:code', consultation.partnershipId);
    const partnership = await findPartnership(db, consultation.partnershipId);
    if (!partnership) throw notFound('Partnership');
    return { actor: actorOf(principal), consultation, partnership, b: { consultation, partnership } };
  }
  const home = (id: string) => `/staff/consultations/${id}/coding`;
  const findAnswer = (w: Workspace, reference: string, question: string) => {
    const answer = w.answers.find((a) => a.questionCode === question && a.reference.toLowerCase() === reference.toLowerCase());
    if (!answer) throw notFound('Answer');
    return answer;
  };

  app.get('/staff/consultations/:id/coding', async (request, reply) => {
    const { params, query } = parseRequest(codingPageRequest, request);
    const c = await coder(request.user, params.id);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    return reply.view('coding/views/overview.njk', overviewPage(c.b, w, query.done ? DONE[query.done] : undefined));
  });

  // The codebook.
  const codebook = async (c: Awaited<ReturnType<typeof coder>>) => {
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    return { themes: w.themes, counts: await codingCounts(db, c.consultation.partnershipId, c.consultation.id) };
  };
  app.get('/staff/consultations/:id/coding/codebook', async (request, reply) => {
    const { params, query } = parseRequest(codingPageRequest, request);
    const c = await coder(request.user, params.id);
    const { themes, counts } = await codebook(c);
    return reply.view('coding/views/codebook.njk', codebookPage(c.b, themes, counts, { notice: query.done ? DONE[query.done] : undefined }));
  });

  app.post('/staff/consultations/:id/coding/codebook', async (request, reply) => {
    const { params, body } = parseRequest(themeFormRequest, request);
    const c = await coder(request.user, params.id);
    await codebook(c);
    const saved = await attempt(['validation_failed'], () =>
      saveTheme({ db, actor: c.actor, partnershipId: c.consultation.partnershipId, consultationId: c.consultation.id, fields: body }),
    );
    if (saved.ok) return reply.redirect(`${home(c.consultation.id)}/codebook?done=added`, 303);
    const { themes, counts } = await codebook(c);
    return reply.status(422).view('coding/views/codebook.njk', codebookPage(c.b, themes, counts, { values: body, fields: saved.error.fields }));
  });

  const themeOf = async (c: Awaited<ReturnType<typeof coder>>, themeId: string) => {
    const { themes, counts } = await codebook(c);
    const theme = themes.find((t) => t.id === themeId);
    if (!theme) throw notFound('Theme');
    return { themes, theme, coded: counts.get(theme.id)?.primary ?? 0 };
  };

  app.get('/staff/consultations/:id/coding/codebook/:themeId', async (request, reply) => {
    const { params } = parseRequest(themeRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    return reply.view('coding/views/theme.njk', themePage(c.b, t.themes, t.theme, t.coded));
  });

  app.post('/staff/consultations/:id/coding/codebook/:themeId', async (request, reply) => {
    const { params, body } = parseRequest(themeEditRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    const saved = await attempt(['validation_failed'], () =>
      saveTheme({
        db,
        actor: c.actor,
        partnershipId: c.consultation.partnershipId,
        consultationId: c.consultation.id,
        themeId: t.theme.id,
        fields: body,
      }),
    );
    if (saved.ok) return reply.redirect(`${home(c.consultation.id)}/codebook?done=saved`, 303);
    return reply.status(422).view('coding/views/theme.njk', themePage(c.b, t.themes, t.theme, t.coded, { values: body, fields: saved.error.fields }));
  });

  app.post('/staff/consultations/:id/coding/codebook/:themeId/merge', async (request, reply) => {
    const { params, body } = parseRequest(themeActionRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    const merged = await attempt(['validation_failed'], () =>
      mergeThemes({
        db,
        actor: c.actor,
        partnershipId: c.consultation.partnershipId,
        consultationId: c.consultation.id,
        fromId: t.theme.id,
        intoId: body.into,
      }),
    );
    if (merged.ok) return reply.redirect(`${home(c.consultation.id)}/codebook?done=merged`, 303);
    return reply.status(422).view('coding/views/theme.njk', themePage(c.b, t.themes, t.theme, t.coded, { fields: merged.error.fields }));
  });

  app.post('/staff/consultations/:id/coding/codebook/:themeId/remove', async (request, reply) => {
    const { params } = parseRequest(themeActionRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    const removed = await attempt(['conflict'], () =>
      removeTheme({ db, actor: c.actor, partnershipId: c.consultation.partnershipId, consultationId: c.consultation.id, themeId: t.theme.id }),
    );
    if (removed.ok) return reply.redirect(`${home(c.consultation.id)}/codebook?done=removed`, 303);
    return reply
      .status(409)
      .view('coding/views/theme.njk', themePage(c.b, t.themes, t.theme, t.coded, { fields: [{ field: 'into', message: removed.error.message }] }));
  });

  /** The theme's primary codings with their answers' text, for choosing where each goes. */
  const codingsOfTheme = async (c: Awaited<ReturnType<typeof coder>>, themeId: string) => {
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const label = new Map(w.questions.map((q) => [q.code, q.label]));
    const shown = w.answers.filter((a) => w.states.get(a.unitKey)?.themeIds.includes(themeId));
    return shown.map((a) => ({ unitKey: a.unitKey, reference: a.reference, question: label.get(a.questionCode) ?? a.questionCode, text: a.text }));
  };

  app.get('/staff/consultations/:id/coding/codebook/:themeId/split', async (request, reply) => {
    const { params } = parseRequest(themeRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    return reply.view('coding/views/split.njk', splitPage(c.b, t.theme, [], []));
  });

  app.post('/staff/consultations/:id/coding/codebook/:themeId/split', async (request, reply) => {
    const { params, body } = parseRequest(splitRequest, request);
    const c = await coder(request.user, params.id);
    const t = await themeOf(c, params.themeId);
    const field = (name: string) => {
      const v = body[name];
      return typeof v === 'string' ? v : (v?.[0] ?? '');
    };
    const names = field('names')
      .split(/\r?\n/)
      .map((n) => n.trim())
      .filter(Boolean);
    const codings = await codingsOfTheme(c, t.theme.id);
    if (names.length < 2)
      return reply
        .status(422)
        .view(
          'coding/views/split.njk',
          splitPage(c.b, t.theme, names, [], [{ field: 'names', message: 'Enter at least two new themes, one a line' }]),
        );
    if (field('confirm') !== 'yes') return reply.view('coding/views/split.njk', splitPage(c.b, t.theme, names, codings));
    const assignments: Record<string, number | 'keep'> = {};
    codings.forEach((coding, i) => {
      const choice = field(`unit_${i}`);
      const key = field(`key_${i}`);
      if (key !== coding.unitKey) return;
      const n = Number(choice);
      assignments[coding.unitKey] = choice !== 'keep' && Number.isInteger(n) && n >= 0 && n < names.length ? n : 'keep';
    });
    const split = await attempt(['validation_failed'], () =>
      splitTheme({
        db,
        actor: c.actor,
        partnershipId: c.consultation.partnershipId,
        consultationId: c.consultation.id,
        themeId: t.theme.id,
        names,
        assignments,
      }),
    );
    if (split.ok) return reply.redirect(`${home(c.consultation.id)}/codebook?done=split`, 303);
    return reply.status(422).view('coding/views/split.njk', splitPage(c.b, t.theme, names, [], split.error.fields));
  });

  // Coding answers: the list, a theme for several at once, one answer at a time.
  app.get('/staff/consultations/:id/coding/answers', async (request, reply) => {
    const { params, query } = parseRequest(answersRequest, request);
    const c = await coder(request.user, params.id);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const done = (request.query as Record<string, unknown>).done;
    return reply.view(
      'coding/views/answers.njk',
      answersPage(c.b, { w, filters: query, pass: 'primary' }, typeof done === 'string' ? DONE[done] : undefined),
    );
  });

  app.post('/staff/consultations/:id/coding/answers/bulk', async (request, reply) => {
    const { params, body } = parseRequest(bulkRequest, request);
    const c = await coder(request.user, params.id);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const filters = filtersFrom({ ...body, theme: body.themeFilter });
    const chosen = w.answers.filter((a) => body.units.includes(a.unitKey));
    const back = `${home(c.consultation.id)}/answers${filterQuery(filters, { page: body.page || undefined })}`;
    const problem = !w.themes.some((t) => t.id === body.theme)
      ? 'Choose the theme to add'
      : chosen.length === 0
        ? 'Select the answers to add it to'
        : null;
    if (problem) {
      const page = answersPage(c.b, { w, filters, pass: 'primary' });
      return reply
        .status(422)
        .view('coding/views/answers.njk', { ...page, errors: [{ text: problem, href: '#theme' }], fieldErrors: { theme: problem } });
    }
    for (const a of chosen) {
      const state = w.states.get(a.unitKey) ?? EMPTY_STATE;
      await codeAnswer({
        db,
        actor: c.actor,
        partnershipId: c.consultation.partnershipId,
        consultationId: c.consultation.id,
        answer: a,
        pass: 'primary',
        themeIds: [...state.themeIds, body.theme],
        note: state.note,
        quotable: state.quotable,
      });
    }
    return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}done=bulk`, 303);
  });

  for (const pass of ['primary', 'blind'] as const satisfies CodingPass[]) {
    const path = pass === 'blind' ? 'blind' : 'answers';
    const load = async (c: Awaited<ReturnType<typeof coder>>) => loadWorkspace(handle, c.actor, c.consultation, pass);

    app.get(`/staff/consultations/:id/coding/${path}/:reference/:question`, async (request, reply) => {
      const { params, query } = parseRequest(answerRequest, request);
      const c = await coder(request.user, params.id);
      const w = await load(c);
      const answer = findAnswer(w, params.reference, params.question);
      const filters = pass === 'blind' ? {} : query;
      const list = filterAnswers(w.answers, w.states, filters);
      const index = list.findIndex((a) => a.unitKey === answer.unitKey);
      return reply.view(
        'coding/views/answer.njk',
        answerPage(c.b, w, answer, {
          filters,
          pass,
          state: w.states.get(answer.unitKey) ?? EMPTY_STATE,
          position: { index: index + 1, of: list.length },
          saved: query.saved === '1',
        }),
      );
    });

    app.post(`/staff/consultations/:id/coding/${path}/:reference/:question`, async (request, reply) => {
      const { params, body } = parseRequest(codeRequest, request);
      const c = await coder(request.user, params.id);
      const w = await load(c);
      const answer = findAnswer(w, params.reference, params.question);
      const filters = pass === 'blind' ? { filter: 'uncoded' as const } : filtersFrom(body);
      const coded = await attempt(['validation_failed'], () =>
        codeAnswer({
          db,
          actor: c.actor,
          partnershipId: c.consultation.partnershipId,
          consultationId: c.consultation.id,
          answer,
          pass,
          themeIds: body.themes,
          note: body.note,
          quotable: body.quotable === 'yes',
        }),
      );
      if (!coded.ok) {
        const state = { ...EMPTY_STATE, themeIds: body.themes, note: body.note, quotable: body.quotable === 'yes' };
        const view = answerPage(c.b, w, answer, { filters, pass, state, position: { index: 0, of: 0 }, fields: coded.error.fields });
        return reply.status(422).view('coding/views/answer.njk', view);
      }
      const carry = pass === 'blind' ? '' : filterQuery(filters);
      const base = `${home(c.consultation.id)}/${path}`;
      if (body.next === 'stay')
        return reply.redirect(`${base}/${encodeURIComponent(answer.reference)}/${answer.questionCode}${carry}${carry ? '&' : '?'}saved=1`, 303);
      const states = await unitStates(db, c.consultation.partnershipId, c.consultation.id, pass);
      const next = nextAnswer(w.answers, states, filters, answer.unitKey);
      if (next) return reply.redirect(`${base}/${encodeURIComponent(next.reference)}/${next.questionCode}${carry}${carry ? '&' : '?'}saved=1`, 303);
      return reply.redirect(pass === 'blind' ? `${base}?done=coded` : `${base}${carry}${carry ? '&' : '?'}done=coded`, 303);
    });
  }

  // The blind second coding and the agreement it gives.
  app.get('/staff/consultations/:id/coding/blind', async (request, reply) => {
    const { params, query } = parseRequest(codingPageRequest, request);
    const c = await coder(request.user, params.id);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const blind = await unitStates(db, c.consultation.partnershipId, c.consultation.id, 'blind');
    return reply.view('coding/views/blind.njk', blindPage(c.b, w, blind, { notice: query.done ? DONE[query.done] : undefined }));
  });

  app.post('/staff/consultations/:id/coding/blind/sample', async (request, reply) => {
    const { params, body } = parseRequest(sampleRequest, request);
    const c = await coder(request.user, params.id);
    const size = /^\s*\d{1,7}\s*$/.test(body.size) ? Number(body.size) : Number.NaN;
    const drawn = await attempt(['validation_failed'], () =>
      drawBlindSample({ db, actor: c.actor, consultation: c.consultation, size, questionCode: body.question || undefined }),
    );
    if (drawn.ok) return reply.redirect(`${home(c.consultation.id)}/blind?done=sampled`, 303);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const blind = await unitStates(db, c.consultation.partnershipId, c.consultation.id, 'blind');
    return reply.status(422).view('coding/views/blind.njk', blindPage(c.b, w, blind, { fields: drawn.error.fields, values: body }));
  });

  app.get('/staff/consultations/:id/coding/agreement', async (request, reply) => {
    const { params } = parseRequest(codingPageRequest, request);
    const c = await coder(request.user, params.id);
    const w = await loadWorkspace(handle, c.actor, c.consultation);
    const blind = await unitStates(db, c.consultation.partnershipId, c.consultation.id, 'blind');
    return reply.view('coding/views/agreement.njk', agreementPage(c.b, agreement(w.themes, w.sample, w.states, blind), w.sample.size));
  });

  // Results: anyone who may see the consultation's results (as the analysis dashboard decides).
  async function resultsFor(
    user: Principal | undefined,
    id: string,
    query: { question?: string | undefined; by?: string | undefined; weighted?: 'on' | undefined },
  ) {
    const consultation = await loadConsultation(db, id);
    if (!consultation) throw notFound('Consultation');
    authorize(user, 'consultation:view', consultation.partnershipId);
    if (!can(user, 'results:view', consultation)) throw forbidden('The results of this consultation are not available to you yet');
    const partnership = await findPartnership(db, consultation.partnershipId);
    if (!partnership) throw notFound('Partnership');
    const request = { question: query.question || undefined, by: query.by || undefined, weighted: query.weighted === 'on' };
    let outcome = await themeResultsOf(handle, consultation, request);
    let fields: FieldError[] = [];
    // A choice the survey cannot give is said on the page, which shows what it can.
    if (!outcome.ok && outcome.field !== 'question') {
      fields = [{ field: outcome.field, message: outcome.message }];
      outcome = await themeResultsOf(handle, consultation, { question: request.question, weighted: false });
    }
    if (!outcome.ok) throw validationFailed([{ field: outcome.field, message: outcome.message }]);
    return { b: { consultation, partnership }, outcome, fields, request, canCode: can(user, 'coding:code', consultation.partnershipId) };
  }

  app.get('/staff/consultations/:id/coding/results', async (request, reply) => {
    const { params, query } = parseRequest(resultsRequest, request);
    const r = await resultsFor(request.user, params.id, query);
    const view = resultsPage(r.b, r.outcome, {
      suppressBelow: r.b.partnership.suppressionMinimum,
      canCode: r.canCode,
      weightedAsked: r.request.weighted,
      fields: r.fields,
    });
    return reply.status(r.fields.length ? 422 : 200).view('coding/views/results.njk', view);
  });

  app.get('/staff/consultations/:id/coding/results.csv', async (request, reply) => {
    const { params, query } = parseRequest(resultsRequest, request);
    const r = await resultsFor(request.user, params.id, query);
    if (r.fields.length) throw validationFailed(r.fields);
    const { header, rows } = resultsTable(r.outcome, r.b.partnership.suppressionMinimum);
    reply.header('content-disposition', `attachment; filename="themes-${r.b.consultation.slug}-${r.outcome.question.code}.csv"`);
    return reply.type('text/csv; charset=utf-8').send([csvLine(header), ...rows.map((row) => csvLine(row))].join(''));
  });

  app.get('/staff/consultations/:id/coding/codings.csv', async (request, reply) => {
    const { params } = parseRequest(codingPageRequest, request);
    const c = await coder(request.user, params.id);
    const { csv } = await exportCodingsCsv({ db, actor: c.actor, consultation: c.consultation });
    reply.header('content-disposition', `attachment; filename="codings-${c.consultation.slug}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
}
