/** Rendering the builder's pages: each takes the loaded builder, the form values and any field errors. */
import type { FastifyReply } from 'fastify';
import { type FieldError, notFound } from '../../platform/errors.js';
import { questionByCode } from '../columns.js';
import type { Builder } from './loadBuilder.js';
import { byField, editValues, errorList, showIfChoices, surveyOutline, typeItems } from './viewModels.js';

const VIEWS = 'surveys/builder/views' as const;
const QUESTION_FIELDS = [
  'type',
  'code',
  'label',
  'hint',
  'required',
  'options',
  'rows',
  'maxChoices',
  'rankTop',
  'maxLength',
  'min',
  'max',
  'showIfQuestion',
  'showIfValues',
];
const PAGE_FIELDS = ['pageTitle', 'pageCode', 'pageIntro'];
export type Values = Record<string, string>;

/** What every builder page shows around its form: the consultation, its survey version, responses, links. */
const around = (b: Builder) => ({
  partnership: b.partnership,
  consultation: b.consultation,
  version: b.consultation.surveyVersion,
  responses: b.responses,
  surveyUrl: b.surveyUrl,
  previewUrl: b.previewUrl(b.definition.pages[0]?.code ?? ''),
});

const formErrors = (errors: FieldError[], onPage: Iterable<string>) => ({ errors: errorList(errors, new Set(onPage)), fieldErrors: byField(errors) });

/** The survey's pages and questions, each with Move up / Move down / Remove and a preview link. */
export function overviewView(b: Builder, errors: FieldError[] = [], saved?: number) {
  const pages = surveyOutline(b.definition).map((p) => ({ ...p, previewUrl: b.previewUrl(p.code) }));
  return { ...around(b), title: `Survey: ${b.definition.title}`, pages, saved, errors: errorList(errors, new Set()) };
}

/** One question: its wording, options or rows, limits and showIf. */
export function questionView(b: Builder, code: string, values?: Values, errors: FieldError[] = [], saved?: number) {
  const question = questionByCode(b.definition, code);
  if (!question) throw notFound('Question');
  // Values from the page's whole form are shown as typed; a post without the wording fields (a bare "add option")
  // shows the stored wording with what it did send.
  const v = values === undefined ? editValues(question) : 'label' in values ? values : { ...editValues(question), ...values };
  return {
    ...around(b),
    title: `Edit question ${code}`,
    question,
    values: v,
    showIf: showIfChoices(b.definition, code, v.showIfQuestion),
    saved,
    ...formErrors(errors, [...Object.keys(editValues(question)), 'newOption', 'newRow']),
  };
}

/** "Add a question" to the page `pageCode`, or "Add a page" (with its first question) when there is none. */
function newQuestionView(b: Builder, pageCode: string | undefined, values: Values, errors: FieldError[]) {
  const target = pageCode === undefined ? undefined : b.definition.pages.find((p) => p.code === pageCode);
  if (pageCode !== undefined && !target) throw notFound('Page');
  return {
    ...around(b),
    title: target ? `Add a question to "${target.title}"` : 'Add a page',
    target,
    values,
    types: typeItems(values.type),
    showIf: showIfChoices(b.definition, undefined, values.showIfQuestion),
    ...formErrors(errors, [...QUESTION_FIELDS, ...PAGE_FIELDS]),
  };
}
export type NewQuestionView = ReturnType<typeof newQuestionView>;

export function newQuestionPage(reply: FastifyReply, b: Builder, pageCode: string | undefined, values: Values, errors: FieldError[] = []) {
  const view = newQuestionView(b, pageCode, values, errors);
  return view.target ? reply.view(`${VIEWS}/question-new.njk`, view) : reply.view(`${VIEWS}/page-new.njk`, view);
}

/** Renaming a page. */
export function editPageView(b: Builder, pageCode: string, values?: Values, errors: FieldError[] = []) {
  const target = b.definition.pages.find((p) => p.code === pageCode);
  if (!target) throw notFound('Page');
  return {
    ...around(b),
    title: `Edit page ${pageCode}`,
    target,
    values: values ?? { pageTitle: target.title, pageIntro: target.intro ?? '' },
    ...formErrors(errors, PAGE_FIELDS),
  };
}

/** The whole definition in a textarea; each problem is listed with its zod path, like pages.1.questions.0.showIf.question. */
export function jsonView(b: Builder, text: string, errors: FieldError[] = []) {
  return {
    ...around(b),
    title: 'Edit the survey as JSON',
    text,
    errors: errors.map((e) => ({
      text: e.field === 'form' || e.field === 'definition' ? e.message : `${e.field}: ${e.message}`,
      href: '#definition',
    })),
    fieldError: errors.length ? 'Correct the problems listed above' : undefined,
  };
}

export const overviewPage = (reply: FastifyReply, ...view: Parameters<typeof overviewView>) =>
  reply.view(`${VIEWS}/survey.njk`, overviewView(...view));
export const questionPage = (reply: FastifyReply, ...view: Parameters<typeof questionView>) =>
  reply.view(`${VIEWS}/question-edit.njk`, questionView(...view));
export const editPagePage = (reply: FastifyReply, ...view: Parameters<typeof editPageView>) =>
  reply.view(`${VIEWS}/page-edit.njk`, editPageView(...view));
export const jsonPage = (reply: FastifyReply, ...view: Parameters<typeof jsonView>) => reply.view(`${VIEWS}/json.njk`, jsonView(...view));

declare module '../../platform/pageContexts.js' {
  interface PageContexts {
    'surveys/builder/views/survey.njk': ReturnType<typeof overviewView>;
    'surveys/builder/views/question-edit.njk': ReturnType<typeof questionView>;
    'surveys/builder/views/question-new.njk': NewQuestionView;
    'surveys/builder/views/page-new.njk': NewQuestionView;
    'surveys/builder/views/page-edit.njk': ReturnType<typeof editPageView>;
    'surveys/builder/views/json.njk': ReturnType<typeof jsonView>;
  }
}
