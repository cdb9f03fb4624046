/** The staff consultation pages' view models: plain data for the GOV.UK macros in consultations/views/staff-*.njk. */
import type { Partnership } from '../../partnerships/index.js';
import { dateParts } from '../../platform/dateParts.js';
import type { FieldError } from '../../platform/errors.js';
import { html } from '../../platform/html.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { TableRow } from '../../platform/pageContexts.js';
import { londonDay } from '../../platform/ukDate.js';
import { errorSummaryItems, messagesByField } from '../../platform/validation.js';
import { channelLabel, KEYED_IN_CHANNELS } from '../../responses/index.js';
import { TEMPLATES } from '../../surveys/index.js';
import type { RawAnswers } from '../form/formAnswers.js';
import { questionFields } from '../form/questionFields.js';
import type { InvitationBatch } from '../invitations/createInvitations.js';
import type { InvitationSummary } from '../queries/listInvitations.js';
import type { Consultation } from '../queries/loadConsultation.js';
import type { ConsultationRuntime } from '../runtime.js';
import { STATUS_LABELS } from '../status.js';

interface FormErrors {
  errors?: { text: string; href: string }[];
  fieldErrors?: Record<string, string>;
}

interface StaffPage {
  consultation: Consultation;
  partnership: Partnership;
}

/** A partnership's consultations, newest opening first, each with its response count. */
export function consultationListView(
  partnership: Partnership,
  consultations: readonly Consultation[],
  counts: Readonly<Record<string, number>>,
  canManage: boolean,
) {
  const demoTag = ' <strong class="govuk-tag govuk-tag--grey">Demo data</strong>';
  return {
    title: 'Consultations',
    partnership,
    canManage,
    rows: consultations.map(
      (c): TableRow => [
        { html: html`<a class="govuk-link" href="/staff/consultations/${c.id}">${c.title}</a>` + (c.isDemo ? demoTag : '') },
        { text: STATUS_LABELS[c.status] },
        { text: formatLondon(c.opensAt, 'date') },
        { text: formatLondon(c.closesAt, 'date') },
        { text: counts[c.id] || 0, format: 'numeric' },
      ],
    ),
  };
}

/** "Create a consultation": a date's errors link to its day box. */
export function newConsultationView(partnership: Partnership | undefined, values: Readonly<Record<string, string>>, fields: readonly FieldError[]) {
  return {
    title: 'Create a consultation',
    partnership,
    values,
    errors: errorSummaryItems(fields.map((f) => (f.field === 'opens' || f.field === 'closes' ? { ...f, field: `${f.field}-day` } : f))),
    fieldErrors: messagesByField(fields),
    templateItems: Object.values(TEMPLATES).map((t) => ({
      value: t.id,
      text: t.name,
      hint: t.summary ? { text: t.summary } : undefined,
      checked: values.template === t.id,
    })),
  };
}

/** "Key in a response": every question of the survey on one page, and how the response was received. */
export function keyInView(
  runtime: ConsultationRuntime,
  view: StaffPage & FormErrors & { values?: RawAnswers; channel?: unknown; savedReference?: string; received?: string },
) {
  const { values = {}, fieldErrors = {}, channel = 'paper', received = londonDay(new Date().toISOString()), ...page } = view;
  return {
    title: 'Key in a response',
    ...page,
    fieldErrors,
    received: dateParts(received),
    pages: runtime.definition.pages.map((p) => ({ title: p.title, fields: questionFields(p.questions, values, fieldErrors, runtime.wards) })),
    channelItems: KEYED_IN_CHANNELS.map((c) => ({ value: c, text: channelLabel(c), checked: c === channel })),
  };
}

/** "Invite elected members": who has been invited, and the links just made (shown once, with the site's address). */
export function invitationsView(
  view: StaffPage & FormErrors & { invited: readonly InvitationSummary[]; batch?: InvitationBatch; origin?: string; values?: { people: string } },
) {
  const { invited, batch, origin = '', values = {}, fieldErrors = {}, ...page } = view;
  const created = batch?.created ?? [];
  return {
    title: 'Invite elected members',
    ...page,
    values,
    fieldErrors,
    createdRows: created.map((c): TableRow => [{ text: c.name }, { text: c.email }, { text: origin + c.link }]),
    /** The new links' tokens, for the form that downloads them as CSV. */
    createdTokens: created.map((c) => c.link.slice(c.link.lastIndexOf('/') + 1)),
    downloadAction: `/staff/consultations/${page.consultation.id}/invitations/links.csv`,
    alreadyAnswered: (batch?.alreadyAnswered ?? []).map(
      (p) =>
        `${p.name} (${p.email}) has already answered, on ${formatLondon(p.answeredAt)} (reference ${p.reference}): no new link was made, as it could not be used to answer again.`,
    ),
    reinvited: (batch?.reinvited ?? []).map(
      (p) =>
        `${p.name} (${p.email}) was first invited on ${formatLondon(p.firstInvitedAt)} and has not answered yet: their new link and earlier links all work, for one response in all.`,
    ),
    invitedRows: invited.map(
      (i): TableRow => [
        { text: i.name },
        { text: i.email },
        { text: formatLondon(i.createdAt) },
        { text: i.reference ? `Answered (${i.reference})` : 'Not yet' },
      ],
    ),
  };
}

/** "Import responses": the upload form, the count imported, or every problem row. */
export function importView(view: StaffPage & FormErrors & { imported?: number; problemRows?: TableRow[]; duplicate?: boolean }) {
  return { title: 'Import responses', problemRows: [], fieldErrors: {}, ...view };
}
