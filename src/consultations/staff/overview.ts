/** The staff overview of one consultation: its status, responses, the stage changes offered and what the user may do. */
import { can, type Principal } from '../../accounts/index.js';
import type { Partnership } from '../../partnerships/index.js';
import { formatLondon } from '../../platform/londonTime.js';
import { TEMPLATES } from '../../surveys/index.js';
import { STAGE_ACTIONS, type StageAction } from '../changeConsultationStage.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { type ResultsVisibility, STATUS_LABELS } from '../status.js';

const ACTION_LABELS: Record<StageAction, string> = {
  schedule: 'Schedule: open and close on its dates',
  open: 'Open now',
  close: 'Close now',
  'mark-analysed': 'Mark as analysed',
  publish: 'Publish results',
};

/** The stage changes the policy offers this user now, the usual next step first (a primary button). */
const offeredActions = (principal: Principal, c: Consultation) =>
  STAGE_ACTIONS.filter((action) => can(principal, `consultation:stage:${action}`, c)).map((action, i) => ({
    action,
    label: ACTION_LABELS[action],
    primary: i === 0,
  }));

/** Who sees the results when (the policy's results:view rule, in words). */
const RESULTS_VISIBLE: Record<ResultsVisibility, string> = {
  after_close: 'to admins and analysts now; to other staff after closing; to the public when published',
  after_publish: 'to admins and analysts now; to everyone else when published',
};

export interface OverviewInput {
  consultation: Consultation;
  partnership: Partnership;
  principal: Principal;
  counts: { total: number; byChannel: Record<string, number> };
  /** Just changed its status: say so. */
  changed: boolean;
}

export function overviewContext({ consultation, partnership, principal, counts, changed }: OverviewInput) {
  const partnershipId = consultation.partnershipId;
  return {
    title: consultation.title,
    partnership,
    consultation,
    notice: changed ? `Status is now: ${STATUS_LABELS[consultation.status]}` : undefined,
    templateName: Object.values(TEMPLATES).find((t) => t.id === consultation.template)?.name ?? consultation.template,
    statusLabel: STATUS_LABELS[consultation.status],
    opens: formatLondon(consultation.opensAt),
    closes: formatLondon(consultation.closesAt),
    resultsVisible: RESULTS_VISIBLE[consultation.resultsVisibility],
    counts,
    channelRows: Object.entries(counts.byChannel).map(([channel, count]) => ({ channel, count })),
    publicUrl: `/p/${partnership.slug}/${consultation.slug}`,
    actions: offeredActions(principal, consultation),
    isMembersSurvey: !consultation.audiences.includes('public'),
    canManage: can(principal, 'consultation:manage', partnershipId),
    canEnter: can(principal, 'responses:enter', partnershipId),
    canRead: can(principal, 'responses:read', partnershipId),
  };
}
export type OverviewPage = ReturnType<typeof overviewContext>;
