/** The responses pages' view models: plain data for the GOV.UK macros in responses/manage/views/*.njk. */

import type { Consultation } from '../../consultations/index.js';
import { questionFields, type RawAnswers } from '../../consultations/index.js';
import type { Partnership } from '../../partnerships/index.js';
import type { FieldError } from '../../platform/errors.js';
import { html } from '../../platform/html.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { TableRow } from '../../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../../platform/validation.js';
import { type Answers, columnsFor, type SurveyDefinition, type Ward } from '../../surveys/index.js';
import { CHANNELS, channelLabel } from '../channels.js';
import { answerChanges, answerLines } from './answerText.js';
import { PAGE_SIZE, pageNumbers } from './listFilter.js';
import type { ManagedResponse } from './queries/findResponse.js';
import type { ResponsesPage } from './queries/responsesPage.js';
import type { ResponseVersion } from './queries/responseVersions.js';
import type { Done, ResponsesListQuery } from './schema.js';

interface StaffPage {
  consultation: Consultation;
  partnership: Partnership;
}

const base = (c: Consultation) => `/staff/consultations/${c.id}/responses`;
export const responseUrl = (c: Consultation, reference: string) => `${base(c)}/${encodeURIComponent(reference)}`;

/** The first question asking for a ward: what the list's ward filter and column read. */
export const wardQuestionOf = (definition: SurveyDefinition) => columnsFor(definition).find((c) => c.type === 'ward')?.code;

const wardName = (wards: readonly Ward[], code: unknown) => (typeof code === 'string' ? (wards.find((w) => w.code === code)?.name ?? code) : '');

const WITHDRAWN_TAG = '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>';

export interface ListInput extends StaffPage {
  query: ResponsesListQuery;
  found: ResponsesPage;
  page: number;
  definition: SurveyDefinition;
  wards: readonly Ward[];
  fields: readonly FieldError[];
  canEnter: boolean;
}

/** "Responses": the filter form (a GET form), one page of responses and the links to the others. */
export function listView({ consultation, partnership, query, found, page, definition, wards, fields, canEnter }: ListInput) {
  const wardQuestion = wardQuestionOf(definition);
  const last = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  const pageHref = (n: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'page' && v !== ''));
    if (n > 1) params.set('page', String(n));
    const text = params.toString();
    return text ? `${base(consultation)}?${text}` : base(consultation);
  };
  const first = (page - 1) * PAGE_SIZE + 1;
  return {
    title: `Responses: ${consultation.title}`,
    partnership,
    consultation,
    errors: errorSummaryItems(fields),
    fieldErrors: messagesByField(fields),
    values: query,
    channelItems: [{ value: '', text: 'All channels' }, ...CHANNELS.map((c) => ({ value: c, text: channelLabel(c), selected: c === query.channel }))],
    wardItems: wardQuestion
      ? [{ value: '', text: 'All wards' }, ...wards.map((w) => ({ value: w.code, text: w.name, selected: w.code === query.ward }))]
      : [],
    summary:
      found.total === 0
        ? 'No responses match.'
        : `Showing ${first} to ${first + found.rows.length - 1} of ${found.total} ${found.total === 1 ? 'response' : 'responses'}, newest first.`,
    rows: found.rows.map(
      (r): TableRow => [
        { html: html`<a class="govuk-link" href="${responseUrl(consultation, r.reference)}">${r.reference}</a>` },
        { text: channelLabel(r.channel) },
        { text: formatLondon(r.submittedAt, 'short') },
        ...(wardQuestion ? [{ text: wardName(wards, r.answers[wardQuestion]) || 'Not answered' }] : []),
        r.withdrawn ? { html: WITHDRAWN_TAG } : { text: 'Counted' },
      ],
    ),
    head: [{ text: 'Reference' }, { text: 'Channel' }, { text: 'Received' }, ...(wardQuestion ? [{ text: 'Ward' }] : []), { text: 'Status' }],
    pagination:
      last > 1
        ? {
            previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
            next: page < last ? { href: pageHref(page + 1) } : undefined,
            items: pageNumbers(page, last).map((n) =>
              n === null ? { ellipsis: true } : { number: n, href: pageHref(n), current: n === page, visuallyHiddenText: `Page ${n}` },
            ),
          }
        : undefined,
    keyInUrl: canEnter ? `/staff/consultations/${consultation.id}/responses/new` : undefined,
  };
}

const DONE_TEXT: Record<Done, string> = {
  corrected: 'Response corrected. The answers it replaced are kept below as an earlier version.',
  withdrawn: 'Response withdrawn. It no longer counts in results, counts or downloads.',
  restored: 'Response restored. It counts again in results, counts and downloads.',
};

/** Who put the response in: a member of staff, the respondent online, or a file. */
function enteredByText(r: ManagedResponse): string {
  if (r.enteredBy) return r.enteredBy.name ?? 'A user who has since been removed';
  if (r.importFile !== null) return `Imported from the file ${r.importFile}`;
  if (r.channel === 'import') return 'Imported from a file';
  return r.channel === 'online' ? 'The respondent, online' : 'Not recorded';
}

export interface ResponseInput extends StaffPage {
  response: ManagedResponse;
  versions: readonly ResponseVersion[];
  definition: SurveyDefinition;
  wards: readonly Ward[];
  done: Done | undefined;
  canEnter: boolean;
  canRestore: boolean;
  /** The free text as typed, before redaction: given to administrators only, where the partnership keeps it. */
  originals?: readonly { keptAt: string; answers: Record<string, string> }[];
}

/** One response in full: its details, every answer with its labels, its earlier versions and whether it is withdrawn. */
export function responseView({
  consultation,
  partnership,
  response: r,
  versions,
  definition,
  wards,
  done,
  canEnter,
  canRestore,
  originals,
}: ResponseInput) {
  const columns = columnsFor(definition);
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const corrections = r.version - 1;
  // Each earlier version against the one that replaced it (the last against the current answers).
  const answersOf = (version: number): Answers => versions.find((v) => v.version === version)?.answers ?? r.answers;
  return {
    title: `Response ${r.reference}`,
    partnership,
    consultation,
    response: r,
    listUrl: base(consultation),
    notice: done ? DONE_TEXT[done] : undefined,
    detailRows: [
      row('Status', r.withdrawal ? 'Withdrawn: it does not count in results, counts or downloads' : 'Counted'),
      ...(r.withdrawal
        ? [row('Withdrawn', `${formatLondon(r.withdrawal.at)} by ${r.withdrawal.by}`), row('Reason for withdrawal', r.withdrawal.reason)]
        : []),
      row('Channel', channelLabel(r.channel)),
      row('Received', formatLondon(r.submittedAt)),
      row('Entered by', enteredByText(r)),
      row('Survey version', String(r.surveyVersion)),
      row('Version', corrections === 0 ? '1 (never corrected)' : `${r.version} (corrected ${corrections === 1 ? 'once' : `${corrections} times`})`),
    ],
    answerRows: answerLines(columns, r.answers, wards).map((line) => row(line.label, line.text)),
    versions: [...versions].reverse().map((v) => ({
      heading: `Version ${v.version}`,
      replaced: `Replaced by version ${v.version + 1} on ${formatLondon(v.changedAt)} by ${v.changedBy}`,
      reason: v.reason,
      changes: answerChanges(columns, v.answers, answersOf(v.version + 1), wards).map(
        (c): TableRow => [{ text: c.label }, { text: c.was }, { text: c.became }],
      ),
    })),
    correctUrl: canEnter && !r.withdrawal ? `${responseUrl(consultation, r.reference)}/correct` : undefined,
    withdrawUrl: canEnter && !r.withdrawal ? `${responseUrl(consultation, r.reference)}/withdraw` : undefined,
    restoreUrl: canRestore && r.withdrawal ? `${responseUrl(consultation, r.reference)}/restore` : undefined,
    originals: originals?.map((o) => ({
      heading: `Kept ${formatLondon(o.keptAt)}`,
      rows: Object.entries(o.answers).map(([code, text]) => row(columns.find((c) => c.code === code)?.label ?? code, text)),
    })),
  };
}

/** Stored answers as the form's fields hold them: lists as lists, everything else as text, blanks empty. */
export function formValues(answers: Answers): RawAnswers {
  const out: RawAnswers = {};
  for (const [code, value] of Object.entries(answers)) {
    if (Array.isArray(value)) out[code] = value;
    else out[code] = value === null ? '' : String(value);
  }
  return out;
}

type Problem = { field: string; message: string; href?: string | undefined };

interface ReasonFormInput extends StaffPage {
  response: ManagedResponse;
  reason: string;
  /** The problems: question codes, `_reason`, or `form` for the whole form; each linking to its field when it has one. */
  fields?: readonly Problem[];
}

/** What the correction and withdrawal forms share: the response they act on, the reason given and the problems. */
function reasonForm(verb: string, { consultation, partnership, response, reason, fields = [] }: ReasonFormInput) {
  return {
    title: `${verb} response ${response.reference}`,
    partnership,
    consultation,
    response,
    responseUrl: responseUrl(consultation, response.reference),
    errors: fields.map((f) => ({ text: f.message, href: f.href })),
    fieldErrors: messagesByField(fields),
    reason,
  };
}

export interface CorrectInput extends ReasonFormInput {
  definition: SurveyDefinition;
  wards: Ward[];
  values: RawAnswers;
}

/** "Correct a response": every question filled with the answers as they are now, a reason, and the version corrected. */
export function correctView(input: CorrectInput) {
  const form = reasonForm('Correct', input);
  return {
    ...form,
    blanksAllowed: input.response.channel !== 'online',
    pages: input.definition.pages.map((p) => ({ title: p.title, fields: questionFields(p.questions, input.values, form.fieldErrors, input.wards) })),
  };
}

/** "Withdraw a response": what withdrawing does, and the reason for it. */
export function withdrawView(input: Omit<ReasonFormInput, 'fields'> & { fields?: readonly FieldError[] }) {
  const fields = input.fields?.map((f) => ({ ...f, href: `#${f.field}` }));
  return {
    ...reasonForm('Withdraw', { ...input, fields }),
    received: `${channelLabel(input.response.channel)}, received ${formatLondon(input.response.submittedAt)}`,
  };
}
