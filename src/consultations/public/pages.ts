/** The respondent's pages around the form: the view models of the hub, a consultation's page and the confirmation. */
import type { Partnership } from '../../partnerships/index.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { Access } from '../form/access.js';
import { HUB_STATUSES, type HubFilter, hubEntries } from '../form/hub.js';
import { type Screen, surveyScreens } from '../form/screens.js';
import type { MemberResponse } from '../queries/findMemberResponse.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { STATUS_LABELS } from '../status.js';
import type { Target } from './resolveTarget.js';
import { whoSeesAnswers } from './whoSeesAnswers.js';

/** The partnership's open, forthcoming and closed consultations as searched and filtered, and its plan's themes. */
export function hubView(
  partnership: Partnership,
  consultations: readonly Consultation[],
  themes: readonly { id: string; title: string }[],
  asked: HubFilter = { q: '', status: '', topic: '' },
) {
  // A topic that is not one of the themes, or a status not offered, filters nothing (and is not shown as chosen).
  const filter = {
    q: asked.q,
    status: Object.hasOwn(HUB_STATUSES, asked.status) ? asked.status : '',
    topic: themes.some((t) => t.id === asked.topic) ? asked.topic : '',
  };
  const entries = hubEntries(partnership.slug, consultations, filter);
  return {
    title: entries.filtered ? 'Community safety: search results' : 'Community safety',
    partnership,
    themes,
    filter,
    hubHref: `/p/${partnership.slug}`,
    statusItems: [
      { value: '', text: 'Any status', selected: !filter.status },
      ...Object.entries(HUB_STATUSES).map(([value, text]) => ({ value, text, selected: filter.status === value })),
    ],
    topicItems: [
      { value: '', text: 'Any topic', selected: !filter.topic },
      ...themes.map((t) => ({ value: t.id, text: t.title, selected: filter.topic === t.id })),
    ],
    foundText: `${entries.found} ${entries.found === 1 ? 'consultation' : 'consultations'} found`,
    ...entries,
  };
}

/** When it opens and closes, in the past tense once it has ("Opened", "Closed"). */
export function dateRows(c: Pick<Consultation, 'status' | 'opensAt' | 'endsAt'>) {
  const started = c.status !== 'draft' && c.status !== 'scheduled';
  const ended = started && c.status !== 'open';
  return [
    { key: { text: started ? 'Opened' : 'Opens' }, value: { text: formatLondon(c.opensAt) } },
    { key: { text: ended ? 'Closed' : 'Closes' }, value: { text: formatLondon(c.endsAt) } },
  ];
}

/** A consultation's own page: what it is for, when it is open, who may answer, and where to start. */
export function consultationView(target: Target, access: Access, first: Screen | undefined, answered?: MemberResponse) {
  const c = target.consultation;
  return {
    title: c.title,
    partnership: target.partnership,
    consultation: c,
    statusLabel: STATUS_LABELS[c.status],
    opens: formatLondon(c.opensAt),
    closes: formatLondon(c.endsAt),
    dateRows: dateRows(c),
    isPublic: c.audiences.includes('public'),
    canStart: access !== 'refused' && !answered,
    answered: answered && `You answered this survey on ${formatLondon(answered.submittedAt)}. Your reference number is ${answered.reference}.`,
    startHref: first ? target.urls.question(first.code) : target.urls.check,
    signInHref: target.urls.signIn,
    hubHref: target.urls.hub,
    answersNotice: whoSeesAnswers(c.audiences, target.partnership.name),
    estimate: `There are ${surveyScreens(target.definition).length} short pages of questions. Most questions are optional.`,
  };
}

/** "Response submitted", with the reference to keep. */
export const confirmationView = (target: Target, reference: string) => ({
  title: 'Response submitted',
  partnership: target.partnership,
  consultation: target.consultation,
  reference,
  answersNotice: whoSeesAnswers(target.consultation.audiences, target.partnership.name),
  closes: formatLondon(target.consultation.endsAt),
  consultationHref: target.urls.page,
});
