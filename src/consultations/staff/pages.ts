/** The staff consultation pages' forms: each takes what the page shows, the values to fill in and any errors. */
import type { FastifyReply } from 'fastify';
import type { Partnership } from '../../partnerships/index.js';
import type { FieldError } from '../../platform/errors.js';
import { errorSummaryItems, messagesByField } from '../../platform/validation.js';
import { channelLabel, KEYED_IN_CHANNELS } from '../../responses/index.js';
import { TEMPLATES } from '../../surveys/index.js';
import type { RawAnswers } from '../form/formAnswers.js';
import { questionFields } from '../form/questionFields.js';
import type { CreatedInvitation } from '../invitations/createInvitations.js';
import type { InvitationSummary } from '../queries/listInvitations.js';
import type { Consultation } from '../queries/loadConsultation.js';
import type { ConsultationRuntime } from '../runtime.js';

const VIEWS = 'consultations/views';

interface FormErrors {
  errors?: { text: string; href: string }[];
  fieldErrors?: Record<string, string>;
}

/** "Create a consultation": a date's errors link to its day box. */
export function newConsultationPage(reply: FastifyReply, partnership: Partnership | undefined, values: Record<string, string>, fields: FieldError[]) {
  return reply.view(`${VIEWS}/staff-new.njk`, {
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
  });
}

/** "Key in a response": every question of the survey on one page, and how the response was received. */
export function keyInPage(
  reply: FastifyReply,
  runtime: ConsultationRuntime,
  view: FormErrors & { consultation: Consultation; partnership: Partnership; values?: RawAnswers; channel?: unknown; savedReference?: string },
) {
  const { values = {}, fieldErrors = {}, channel = 'paper', ...page } = view;
  return reply.view(`${VIEWS}/staff-enter.njk`, {
    title: 'Key in a response',
    ...page,
    fieldErrors,
    pages: runtime.definition.pages.map((p) => ({ title: p.title, fields: questionFields(p.questions, values, fieldErrors, runtime.wards) })),
    channelItems: KEYED_IN_CHANNELS.map((c) => ({ value: c, text: channelLabel(c), checked: c === channel })),
  });
}

/** "Invite elected members": who has been invited, and the links just made (shown once). */
export function invitationsPage(
  reply: FastifyReply,
  view: FormErrors & {
    consultation: Consultation;
    partnership: Partnership;
    invited: InvitationSummary[];
    created?: CreatedInvitation[];
    origin?: string;
    values?: { people: string };
  },
) {
  return reply.view(`${VIEWS}/staff-invitations.njk`, { title: 'Invite elected members', created: [], values: {}, fieldErrors: {}, ...view });
}

/** "Import responses": the upload form, the count imported, or every problem row. */
export function importPage(
  reply: FastifyReply,
  view: FormErrors & { consultation: Consultation; partnership: Partnership; imported?: number; problemRows?: unknown[] },
) {
  return reply.view(`${VIEWS}/staff-import.njk`, { title: 'Import responses', problemRows: [], fieldErrors: {}, ...view });
}
