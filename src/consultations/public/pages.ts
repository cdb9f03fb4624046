/** The respondent's pages around the form: the view models of the hub, a consultation's page and the confirmation. */
import type { Partnership } from '../../partnerships/index.js';
import { formatLondon } from '../../platform/londonTime.js';
import type { Access } from '../form/access.js';
import { hubEntries } from '../form/hub.js';
import { type Screen, surveyScreens } from '../form/screens.js';
import type { MemberResponse } from '../queries/findMemberResponse.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { STATUS_LABELS } from '../status.js';
import type { Target } from './resolveTarget.js';
import { whoSeesAnswers } from './whoSeesAnswers.js';

/** The partnership's open, forthcoming and closed consultations, and its plan's themes. */
export const hubView = (partnership: Partnership, consultations: readonly Consultation[], themes: readonly { title: string }[]) => ({
  title: 'Community safety',
  partnership,
  themes,
  ...hubEntries(partnership.slug, consultations),
});

/** A consultation's own page: what it is for, when it is open, who may answer, and where to start. */
export function consultationView(target: Target, access: Access, first: Screen | undefined, answered?: MemberResponse) {
  const c = target.consultation;
  return {
    title: c.title,
    partnership: target.partnership,
    consultation: c,
    statusLabel: STATUS_LABELS[c.status],
    opens: formatLondon(c.opensAt),
    closes: formatLondon(c.closesAt),
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
  closes: formatLondon(target.consultation.closesAt),
  consultationHref: target.urls.page,
});
