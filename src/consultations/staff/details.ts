/** The staff pages that change a consultation: its details form, a stage change's confirmation, and reopening. */
import type { Partnership } from '../../partnerships/index.js';
import { dateParts } from '../../platform/dateParts.js';
import type { FieldError } from '../../platform/errors.js';
import { formatLondon, londonDateOf } from '../../platform/londonTime.js';
import { errorSummaryItems, messagesByField } from '../../platform/validation.js';
import type { StageAction } from '../changeConsultationStage.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { AUDIENCES, type Audience } from '../schema.js';
import { RESULTS_VISIBILITY, type ResultsVisibility } from '../status.js';

export const AUDIENCE_LABELS: Record<Audience, string> = {
  public: 'The public: everyone who lives, works or studies in the area',
  members: 'Elected members of the council',
  partners: "The partnership's partner organisations",
};

export const RESULTS_VISIBILITY_LABELS: Record<ResultsVisibility, string> = {
  after_close: 'Staff once it closes; the public once results are published',
  after_publish: 'Everyone (other than admins and analysts) only once results are published',
};

/** The details form's fields as typed (dates in their boxes, lists as chosen). */
export type DetailsValues = {
  title: string;
  summary: string;
  purpose: string;
  privacyNotice: string;
  audiences: string[];
  topics: string[];
  resultsVisibility: string;
} & { [part in `${'opens' | 'closes'}-${'day' | 'month' | 'year'}`]?: string | undefined };

const boxes = (name: 'opens' | 'closes', iso: string) => {
  const { day, month, year } = dateParts(londonDateOf(iso));
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

/** The form filled from the stored consultation. */
export const storedValues = (c: Consultation): DetailsValues => ({
  title: c.title,
  summary: c.summary,
  purpose: c.purpose,
  privacyNotice: c.privacyNotice,
  audiences: c.audiences,
  topics: c.topics,
  resultsVisibility: c.resultsVisibility,
  ...boxes('opens', c.opensAt),
  ...boxes('closes', c.closesAt),
});

interface DetailsInput {
  consultation: Consultation;
  partnership: Partnership;
  themes: readonly { id: string; title: string }[];
  values?: DetailsValues;
  fields?: readonly FieldError[];
}

/** "Change the details": one form with every detail; a date's errors link to its day box. */
export function detailsView({ consultation, partnership, themes, values = storedValues(consultation), fields = [] }: DetailsInput) {
  const onDayBox = fields.map((f) => (f.field === 'opens' || f.field === 'closes' ? { ...f, field: `${f.field}-day` } : f));
  // Checkbox groups' errors link to their first box, as GOV.UK's checkboxes give it the group's id.
  return {
    title: `Change the details of ${consultation.title}`,
    consultation,
    partnership,
    values,
    errors: errorSummaryItems(onDayBox),
    fieldErrors: messagesByField(fields),
    started: consultation.status !== 'draft' && consultation.status !== 'scheduled',
    audienceItems: AUDIENCES.map((a) => ({ value: a, text: AUDIENCE_LABELS[a], checked: values.audiences.includes(a) })),
    topicItems: themes.map((t) => ({ value: t.id, text: t.title, checked: values.topics.includes(t.id) })),
    visibilityItems: RESULTS_VISIBILITY.map((v) => ({ value: v, text: RESULTS_VISIBILITY_LABELS[v], checked: values.resultsVisibility === v })),
  };
}

/** What each stage change does, said on its confirmation page before it is done. */
export function stageConsequences(action: StageAction, c: Consultation): { heading: string; button: string; says: string[]; warning: string } {
  const closes = formatLondon(c.closesAt);
  switch (action) {
    case 'schedule':
      return {
        heading: 'Schedule this consultation',
        button: 'Confirm: schedule it',
        says: [
          `It will open to the public on ${formatLondon(c.opensAt)} and close on ${closes}.`,
          'It will be listed on the public hub as forthcoming.',
        ],
        warning: 'You can still change its details, but people may see it on the hub from now on.',
      };
    case 'open':
      return {
        heading: 'Open this consultation now',
        button: 'Confirm: open it now',
        says: [
          `It will open now and take responses until ${closes}.`,
          'It will be listed on the public hub as open, and anyone with the link can answer it.',
        ],
        warning: 'Once people have answered, questions and options can no longer be removed from its survey.',
      };
    case 'close':
      return {
        heading: 'Close this consultation now',
        button: 'Confirm: close it now',
        says: [
          'It will stop taking responses now: anyone part way through will not be able to send their answers.',
          `Its planned closing date (${closes}) is kept in its record beside the time it closed.`,
        ],
        warning: 'Only an administrator can reopen it, and must give a reason.',
      };
    case 'mark-analysed':
      return {
        heading: 'Mark this consultation as analysed',
        button: 'Confirm: mark it analysed',
        says: ['The public hub will say that its responses have been analysed and results will follow.'],
        warning: 'It stays closed.',
      };
    case 'publish':
      return {
        heading: 'Publish the results of this consultation',
        button: 'Confirm: publish the results',
        says: [
          'Its results will be visible to everyone: the public and all staff of the partnership.',
          'The public hub will list it as "Closed: results published".',
        ],
        warning: 'This cannot be undone: published results stay published, and the consultation cannot be reopened.',
      };
  }
}

export function confirmStageView(consultation: Consultation, partnership: Partnership, action: StageAction) {
  const consequences = stageConsequences(action, consultation);
  return { title: consequences.heading, consultation, partnership, action, ...consequences };
}

export function reopenView(
  consultation: Consultation,
  partnership: Partnership,
  values: { reason?: string; 'closes-day'?: string; 'closes-month'?: string; 'closes-year'?: string } = {},
  fields: readonly FieldError[] = [],
) {
  const passed = consultation.closesAt <= new Date().toISOString();
  return {
    title: `Reopen ${consultation.title}`,
    consultation,
    partnership,
    values,
    errors: errorSummaryItems(fields.map((f) => (f.field === 'closes' ? { ...f, field: 'closes-day' } : f))),
    fieldErrors: messagesByField(fields),
    closedAt: formatLondon(consultation.endsAt),
    plannedClose: formatLondon(consultation.closesAt),
    needsNewDate: passed,
  };
}
