/** The staff survey builder: thin routes (parse -> authorize -> edit -> saveSurveyDefinition -> redirect, or the form again). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { attempt, type FieldError } from '../../platform/errors.js';
import { type FormBody, parseRequest } from '../../platform/validation.js';
import type { SurveyDefinition } from '../definition.js';
import { editPagePage, jsonPage, newQuestionPage, overviewPage, questionPage, type Values } from './builderPages.js';
import { type EditResult, failed } from './editResult.js';
import { addPage, addQuestion, moveQuestion, removeOption, removeQuestion, removeRow, renamePage } from './edits.js';
import { editWholeQuestion } from './editWholeQuestion.js';
import { type Builder, loadBuilder } from './loadBuilder.js';
import { saveSurveyDefinition } from './saveSurveyDefinition.js';
import { builderEditRequest, builderPageRequest, field, parsePageForm, parseQuestionForm, versionOf } from './schema.js';

const BASE = '/staff/consultations/:id/survey';
const NEW_QUESTION = { required: 'yes' };

/** A posted form's fields as strings, to fill the form again. */
const valuesOf = (body: FormBody): Values => Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
const both = <A, B>(
  a: { ok: true; value: A } | { ok: false; errors: FieldError[] },
  b: { ok: true; value: B } | { ok: false; errors: FieldError[] },
) =>
  a.ok && b.ok
    ? { ok: true as const, a: a.value, b: b.value }
    : { ok: false as const, errors: [...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)] };

interface EditContext {
  b: Builder;
  body: FormBody;
  code: string;
  pageCode: string;
}

export async function surveyBuilderRoutes(app: FastifyInstance, { services }: { services: Services }) {
  /** A builder page: the loaded builder, which question or page it is about, and the version just saved. */
  async function pageOf(request: FastifyRequest) {
    const { params, query } = parseRequest(builderPageRequest, request);
    return { b: await loadBuilder(services, request.user, params.id), code: params.code ?? '', pageCode: params.pageCode ?? '', saved: query.saved };
  }

  /** Saves an edit's result as a new version; a refusal (invalid, breaking stored answers, stale form) comes back as field errors. */
  async function save(
    b: Builder,
    result: EditResult,
    body: FormBody,
  ): Promise<{ ok: true; version: number } | { ok: false; status: number; errors: FieldError[] }> {
    if (!result.ok) return { ok: false, status: 422, errors: result.errors };
    const saved = await attempt(['conflict', 'validation_failed'], () =>
      saveSurveyDefinition({
        db: services.db,
        actor: actorOf(b.principal),
        partnershipId: b.consultation.partnershipId,
        consultationId: b.consultation.id,
        definition: result.definition,
        baseVersion: versionOf(body),
      }),
    );
    if (saved.ok) {
      services.runtimes.invalidate(b.consultation.id);
      return { ok: true, version: saved.value.version };
    }
    const { error } = saved;
    return {
      ok: false,
      status: error.status,
      errors: error.code === 'conflict' ? [{ field: 'form', message: error.message }, ...error.fields] : error.fields,
    };
  }

  /** A POST that edits the survey: on success back to `next` with "saved", otherwise the form again with the errors. */
  function editRoute(
    url: string,
    edit: (c: EditContext) => EditResult,
    again: (reply: FastifyReply, c: EditContext, errors: FieldError[]) => Promise<FastifyReply>,
    next: (c: EditContext) => string = (c) => c.b.surveyUrl,
  ) {
    app.post(`${BASE}${url}`, async (request, reply) => {
      const { params, body } = parseRequest(builderEditRequest, request);
      const c = { b: await loadBuilder(services, request.user, params.id), body, code: params.code ?? '', pageCode: params.pageCode ?? '' };
      const { b } = c;
      const saved = await save(b, edit(c), c.body);
      if (saved.ok) return reply.redirect(`${next(c)}?saved=${saved.version}`, 303);
      return again(reply.status(saved.status), c, saved.errors);
    });
  }

  const toOverview = (reply: FastifyReply, c: EditContext, errors: FieldError[]) => overviewPage(reply, c.b, errors);
  // The question page again with the errors: what was typed is shown as typed (a form without the wording fields,
  // like a bare "add option" post, shows the stored wording with what it did type).
  const toQuestionForm = (reply: FastifyReply, c: EditContext, errors: FieldError[]) => questionPage(reply, c.b, c.code, valuesOf(c.body), errors);
  const backToQuestion = (c: EditContext) => `${c.b.surveyUrl}/questions/${c.code}`;

  // The overview, with Move up / Move down / Remove buttons on each question.
  app.get(BASE, async (request, reply) => {
    const { b, saved } = await pageOf(request);
    return overviewPage(reply, b, [], saved);
  });
  editRoute('/questions/:code/move', (c) => moveQuestion(c.b.definition, c.code, field(c.body, 'direction') === 'up' ? 'up' : 'down'), toOverview);
  editRoute('/questions/:code/remove', (c) => removeQuestion(c.b.definition, c.code), toOverview);

  // One question: wording, required, option and row labels, limits, showIf; adding and removing options and rows.
  app.get(`${BASE}/questions/:code`, async (request, reply) => {
    const { b, code, saved } = await pageOf(request);
    return questionPage(reply, b, code, undefined, [], saved);
  });
  // The question page is one form: Save changes, Add option, Remove (an option or row) and Add row all send every
  // field, so whichever is pressed, what was typed elsewhere on the page is saved with it in one new version.
  const questionEdit = (action: (definition: SurveyDefinition, c: EditContext) => EditResult | undefined) => (c: EditContext) =>
    editWholeQuestion(c.b.definition, c.code, c.body, (d) => action(d, c));
  editRoute(
    '/questions/:code',
    questionEdit(() => undefined),
    toQuestionForm,
  );
  editRoute(
    '/questions/:code/options',
    questionEdit((_, c) =>
      field(c.body, 'newOption') ? undefined : failed('newOption', 'Enter the option to add, like "very_safe|Very safe" or "Very safe"'),
    ),
    toQuestionForm,
    backToQuestion,
  );
  editRoute(
    '/questions/:code/options/remove',
    questionEdit((d, c) => removeOption(d, c.code, field(c.body, 'value'))),
    toQuestionForm,
    backToQuestion,
  );
  editRoute(
    '/questions/:code/rows',
    questionEdit((_, c) =>
      field(c.body, 'newRow') ? undefined : failed('newRow', 'Enter the row to add, like "safe_day|During the day" or "During the day"'),
    ),
    toQuestionForm,
    backToQuestion,
  );
  editRoute(
    '/questions/:code/rows/remove',
    questionEdit((d, c) => removeRow(d, c.code, field(c.body, 'row'))),
    toQuestionForm,
    backToQuestion,
  );

  // Adding a question to a page; adding a page with its first question.
  app.get(`${BASE}/pages/:pageCode/questions/new`, async (request, reply) => {
    const { b, pageCode } = await pageOf(request);
    return newQuestionPage(reply, b, pageCode, NEW_QUESTION);
  });
  editRoute(
    '/pages/:pageCode/questions/new',
    (c) => {
      const parsed = parseQuestionForm(c.body);
      return parsed.ok ? addQuestion(c.b.definition, c.pageCode, parsed.value) : parsed;
    },
    (reply, c, errors) => newQuestionPage(reply, c.b, c.pageCode, valuesOf(c.body), errors),
  );
  app.get(`${BASE}/pages/new`, async (request, reply) => newQuestionPage(reply, (await pageOf(request)).b, undefined, NEW_QUESTION));
  editRoute(
    '/pages/new',
    (c) => {
      const parsed = both(parsePageForm(c.body), parseQuestionForm(c.body));
      return parsed.ok ? addPage(c.b.definition, parsed.a, parsed.b) : parsed;
    },
    (reply, c, errors) => newQuestionPage(reply, c.b, undefined, valuesOf(c.body), errors),
  );

  // Renaming a page.
  app.get(`${BASE}/pages/:pageCode`, async (request, reply) => {
    const { b, pageCode } = await pageOf(request);
    return editPagePage(reply, b, pageCode);
  });
  editRoute(
    '/pages/:pageCode',
    (c) => {
      const parsed = parsePageForm(c.body);
      return parsed.ok ? renamePage(c.b.definition, c.pageCode, parsed.value) : parsed;
    },
    (reply, c, errors) => editPagePage(reply, c.b, c.pageCode, valuesOf(c.body), errors),
  );

  // The whole definition as JSON (validated by saveSurveyDefinition, which reports zod paths).
  app.get(`${BASE}/json`, async (request, reply) => {
    const { b } = await pageOf(request);
    return jsonPage(reply, b, JSON.stringify(b.definition, null, 2));
  });
  editRoute(
    '/json',
    (c) => {
      try {
        return { ok: true, definition: JSON.parse(field(c.body, 'definition')) as SurveyDefinition };
      } catch (err) {
        return { ok: false, errors: [{ field: 'definition', message: `This is not valid JSON: ${(err as Error).message}` }] };
      }
    },
    (reply, c, errors) => jsonPage(reply, c.b, field(c.body, 'definition'), errors),
  );
}
