/** Rendering the builder's pages: each takes the loaded builder, the form values and any field errors. */
import type { FastifyReply } from 'fastify';
import { type FieldError, notFound } from '../../platform/errors.js';
import { questionByCode } from '../columns.js';
import type { Builder } from './loadBuilder.js';
import { byField, editValues, errorList, showIfChoices, surveyOutline, typeItems } from './viewModels.js';

const VIEWS = 'surveys/builder/views';
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

function render(reply: FastifyReply, b: Builder, template: string, context: Record<string, unknown>) {
  return reply.view(`${VIEWS}/${template}`, {
    partnership: b.partnership,
    consultation: b.consultation,
    version: b.consultation.surveyVersion,
    responses: b.responses,
    surveyUrl: b.surveyUrl,
    previewUrl: b.previewUrl(b.definition.pages[0]?.code ?? ''),
    ...context,
  });
}

const formErrors = (errors: FieldError[], onPage: Iterable<string>) => ({ errors: errorList(errors, new Set(onPage)), fieldErrors: byField(errors) });

export function overviewPage(reply: FastifyReply, b: Builder, errors: FieldError[] = [], saved?: number) {
  const pages = surveyOutline(b.definition).map((p) => ({ ...p, previewUrl: b.previewUrl(p.code) }));
  return render(reply, b, 'survey.njk', { title: `Survey: ${b.definition.title}`, pages, saved, errors: errorList(errors, new Set()) });
}

export function questionPage(reply: FastifyReply, b: Builder, code: string, values?: Values, errors: FieldError[] = [], saved?: number) {
  const question = questionByCode(b.definition, code);
  if (!question) throw notFound('Question');
  const v = values ?? editValues(question);
  return render(reply, b, 'question-edit.njk', {
    title: `Edit question ${code}`,
    question,
    values: v,
    showIf: showIfChoices(b.definition, code, v.showIfQuestion),
    saved,
    ...formErrors(errors, [...Object.keys(editValues(question)), 'newOption', 'newRow']),
  });
}

/** "Add a question" to the page `pageCode`, or "Add a page" (with its first question) when there is none. */
export function newQuestionPage(reply: FastifyReply, b: Builder, pageCode: string | undefined, values: Values, errors: FieldError[] = []) {
  const target = pageCode === undefined ? undefined : b.definition.pages.find((p) => p.code === pageCode);
  if (pageCode !== undefined && !target) throw notFound('Page');
  return render(reply, b, target ? 'question-new.njk' : 'page-new.njk', {
    title: target ? `Add a question to "${target.title}"` : 'Add a page',
    target,
    values,
    types: typeItems(values.type),
    showIf: showIfChoices(b.definition, undefined, values.showIfQuestion),
    ...formErrors(errors, [...QUESTION_FIELDS, ...PAGE_FIELDS]),
  });
}

export function editPagePage(reply: FastifyReply, b: Builder, pageCode: string, values?: Values, errors: FieldError[] = []) {
  const target = b.definition.pages.find((p) => p.code === pageCode);
  if (!target) throw notFound('Page');
  return render(reply, b, 'page-edit.njk', {
    title: `Edit page ${pageCode}`,
    target,
    values: values ?? { pageTitle: target.title, pageIntro: target.intro ?? '' },
    ...formErrors(errors, PAGE_FIELDS),
  });
}

/** The whole definition in a textarea; each problem is listed with its zod path, like pages.1.questions.0.showIf.question. */
export function jsonPage(reply: FastifyReply, b: Builder, text: string, errors: FieldError[] = []) {
  return render(reply, b, 'json.njk', {
    title: 'Edit the survey as JSON',
    text,
    errors: errors.map((e) => ({
      text: e.field === 'form' || e.field === 'definition' ? e.message : `${e.field}: ${e.message}`,
      href: '#definition',
    })),
    fieldError: errors.length ? 'Correct the problems listed above' : undefined,
  });
}
