/** The staff overview of one consultation: its status, responses, the stage changes offered and what the user may do. */
import { can, type Principal } from '../../accounts/index.js';
import type { Partnership } from '../../partnerships/index.js';
import { formatLondon } from '../../platform/londonTime.js';
import { TEMPLATES } from '../../surveys/index.js';
import { STAGE_ACTIONS, type StageAction } from '../changeConsultationStage.js';
import type { Consultation } from '../queries/loadConsultation.js';
import type { Audience } from '../schema.js';
import { type ResultsVisibility, STATUS_LABELS } from '../status.js';
import { AUDIENCE_LABELS } from './details.js';
import { previewUrl } from './preview.js';

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
    href: `/staff/consultations/${c.id}/stage/${action}`,
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
  /** Its details were just saved. */
  saved?: boolean;
  /** It was just created. */
  created?: boolean;
  /** The partnership's plan themes, to name its topics. */
  themes?: readonly { id: string; title: string }[];
}

/** The success banner's words after creating it, saving its details or changing its status. */
function noticeOf({ consultation, changed, saved, created }: Pick<OverviewInput, 'consultation' | 'changed' | 'saved' | 'created'>) {
  if (created) return `Draft created. Check its details, build its survey and preview it before you open it.`;
  if (saved) return 'Details saved';
  if (changed) return `Status is now: ${STATUS_LABELS[consultation.status]}`;
  return undefined;
}

/** The summary list: each detail, with a "Change" link to its field on the details form for those who manage it. */
function detailRows(c: Consultation, themes: readonly { id: string; title: string }[], canManage: boolean) {
  const row = (key: string, text: string, field?: string) => ({
    key: { text: key },
    value: { text },
    ...(canManage && field
      ? { actions: { items: [{ href: `/staff/consultations/${c.id}/details#${field}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] } }
      : {}),
  });
  const topicTitles = c.topics.map((t) => themes.find((theme) => theme.id === t)?.title ?? t);
  return [
    row('Title', c.title, 'title'),
    row('Summary', c.summary || 'None', 'summary'),
    row('Why we are asking', c.purpose || 'None', 'purpose'),
    row('Privacy notice', c.privacyNotice, 'privacyNotice'),
    row('Who can take part', c.audiences.map((a) => AUDIENCE_LABELS[a as Audience] ?? a).join('; '), 'audiences'),
    row('Results visible', RESULTS_VISIBLE[c.resultsVisibility], 'resultsVisibility'),
    row('Topics', topicTitles.join(', ') || 'None', 'topics'),
    row('Opens', formatLondon(c.opensAt), 'opens-day'),
    row('Closes (planned)', formatLondon(c.closesAt), 'closes-day'),
    ...(c.closedAt ? [row('Closed early', formatLondon(c.closedAt))] : []),
  ];
}

export function overviewContext({ consultation, partnership, principal, counts, changed, saved, created, themes = [] }: OverviewInput) {
  const partnershipId = consultation.partnershipId;
  const canManage = can(principal, 'consultation:manage', partnershipId);
  return {
    title: consultation.title,
    partnership,
    consultation,
    notice: noticeOf({ consultation, changed, saved, created }),
    detailRows: detailRows(consultation, themes, canManage),
    previewUrl: previewUrl(consultation.id),
    canReopen: can(principal, 'consultation:reopen-now', consultation),
    templateName: Object.values(TEMPLATES).find((t) => t.id === consultation.template)?.name ?? consultation.template,
    statusLabel: STATUS_LABELS[consultation.status],
    counts,
    channelRows: Object.entries(counts.byChannel).map(([channel, count]) => ({ channel, count })),
    publicUrl: `/p/${partnership.slug}/${consultation.slug}`,
    actions: offeredActions(principal, consultation),
    isMembersSurvey: !consultation.audiences.includes('public'),
    canManage,
    canEnter: can(principal, 'responses:enter', partnershipId),
    canRead: can(principal, 'responses:read', partnershipId),
    canCode: can(principal, 'coding:code', partnershipId),
  };
}
export type OverviewPage = ReturnType<typeof overviewContext>;
