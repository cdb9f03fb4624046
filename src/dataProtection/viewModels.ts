import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { PersonFound } from './queries/peopleOfPartnership.js';
import type { WithdrawalRequest } from './queries/withdrawalRequests.js';
import { MAX_NOTE_LENGTH } from './withdrawals.js';

export const dataProtectionPath = (consultationId: string) => `/staff/consultations/${consultationId}/data-protection`;
export const subjectAccessPath = (partnershipId: string) => `/staff/partnerships/${partnershipId}/subject-access`;
export const withdrawPath = (slug: string) => `/p/${slug}/withdraw`;

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }) : '';
const STATUS_TEXT = { pending: 'Waiting for a decision', confirmed: 'Confirmed: response withdrawn', declined: 'Declined' };
const DONE_TEXT = {
  retention: 'The retention period was saved.',
  confirm: 'The request was confirmed and the response withdrawn.',
  decline: 'The request was declined.',
};

export interface ConsultationPageInput {
  partnership: Partnership;
  consultation: Consultation;
  openData: boolean;
  requests: WithdrawalRequest[];
  mayDecide: boolean;
  mayEditRetention: boolean;
  retention: { months: string; isDefault: boolean; dueAt: string | null; appliedAt: string | null };
  fields?: readonly FieldError[];
  done?: keyof typeof DONE_TEXT | undefined;
}

export const consultationDataPage = (input: ConsultationPageInput) => {
  const base = `/staff/consultations/${input.consultation.id}`;
  const fields = input.fields ?? [];
  return {
    title: `Data protection: ${input.consultation.title}`,
    partnership: input.partnership,
    consultation: { id: input.consultation.id, title: input.consultation.title, href: base },
    done: input.done ? DONE_TEXT[input.done] : '',
    openData: input.openData,
    openDataHref: `${base}/open-data.csv`,
    dictionaryHref: `${base}/open-data-dictionary.csv`,
    suppressionMinimum: input.partnership.suppressionMinimum,
    withdrawPublicHref: withdrawPath(input.partnership.slug),
    requests: input.requests.map((r) => ({
      id: r.id,
      reference: r.reference,
      requestedOn: day(r.requestedAt),
      note: r.note,
      status: STATUS_TEXT[r.status],
      pending: r.status === 'pending',
      decided: r.decidedBy ? `${r.decidedBy}, ${day(r.decidedAt)}` : '',
      action: `${base}/withdrawal-requests/${r.id}`,
    })),
    mayDecide: input.mayDecide,
    mayEditRetention: input.mayEditRetention,
    retentionAction: `${base}/retention`,
    months: input.retention.months,
    isDefault: input.retention.isDefault,
    dueOn: day(input.retention.dueAt),
    appliedOn: day(input.retention.appliedAt),
    errors: errorSummaryItems(fields),
    fieldErrors: messagesByField(fields),
  };
};

export const subjectAccessPage = (partnership: Partnership, q: string, people: PersonFound[] | null, fields: readonly FieldError[] = []) => ({
  title: `Subject access: ${partnership.name}`,
  partnership,
  action: subjectAccessPath(partnership.id),
  q,
  searched: people !== null,
  people: (people ?? []).map((p) => ({
    name: p.name,
    email: p.email,
    kinds: p.kinds.map((k) => ({ user: 'member of staff', stakeholder: 'stakeholder', invitee: "invited to a members' survey" })[k]).join(', '),
    exportHref: `${subjectAccessPath(partnership.id)}/export.json?email=${encodeURIComponent(p.email)}`,
  })),
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});

export const withdrawFormPage = (partnership: Partnership, values: { reference: string; note: string }, fields: readonly FieldError[] = []) => ({
  title: `Withdraw your response: ${partnership.name}`,
  partnership,
  action: withdrawPath(partnership.slug),
  reference: values.reference,
  note: values.note,
  maxNote: MAX_NOTE_LENGTH,
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});

export const withdrawSentPage = (partnership: Partnership) => ({
  title: `Request received: ${partnership.name}`,
  partnership,
  hubHref: `/p/${partnership.slug}`,
});
