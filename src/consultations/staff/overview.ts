/** The staff overview of one consultation: its status, responses, the stage changes offered and what the user may do. */
import { can, type Principal } from '../../accounts/index.js';
import type { Partnership } from '../../partnerships/index.js';
import { TEMPLATES } from '../../surveys/index.js';
import { STAGE_ACTIONS, type StageAction } from '../changeConsultationStage.js';
import type { Consultation } from '../queries/loadConsultation.js';
import { STATUS_LABELS } from '../status.js';

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
