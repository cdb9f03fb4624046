/**
 * The public plan progress page: the plan as last approved (never a draft) with each action's delivery as it stands
 * and each measure's latest value. Undefined when no version has been approved.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Partnership } from '../partnerships/index.js';
import { ACTION_STATUS_LABELS, allActions, allPriorities, listPlans, listVersions, loadPlan, versionContent } from '../plan/index.js';
import { longDate } from './document/blocks.js';

const TAG: Record<string, string> = {
  not_started: 'govuk-tag--grey',
  on_track: 'govuk-tag--green',
  at_risk: 'govuk-tag--yellow',
  off_track: 'govuk-tag--red',
  complete: 'govuk-tag--blue',
};

export async function publicPlanPage(db: Kysely<Database>, partnership: Partnership) {
  for (const summary of await listPlans(db, partnership.id)) {
    const approved = (await listVersions(db, partnership.id, summary.id)).find((v) => v.status === 'approved');
    if (!approved) continue;
    const [frozen, live] = await Promise.all([
      versionContent(db, partnership.id, summary.id, approved.number),
      loadPlan(db, partnership.id, summary.id),
    ]);
    if (!frozen || !live) continue;
    const liveActions = new Map(allActions(live).map((a) => [a.id, a]));
    const liveMeasures = new Map(allPriorities(live).flatMap((p) => p.measures.map((m) => [m.id, m] as const)));
    const actions = allActions(frozen).map((a) => liveActions.get(a.id) ?? a);
    const done = actions.filter((a) => a.status === 'complete').length;
    return {
      title: frozen.title,
      partnership,
      plan: frozen,
      approvedText: `Approved by ${approved.decidedBy} on ${longDate(approved.decidedOn ?? approved.createdAt)}.`,
      period: `${longDate(frozen.startsOn)} to ${longDate(frozen.endsOn)}`,
      summary: `${done} of ${actions.length} actions complete.`,
      hubHref: `/p/${partnership.slug}`,
      themes: frozen.themes.map((t) => ({
        title: t.title,
        summary: t.summary,
        priorities: t.priorities.map((p) => ({
          title: p.title,
          rationale: p.rationale,
          actions: p.actions.map((a) => {
            const now = liveActions.get(a.id) ?? a;
            return {
              reference: a.reference,
              title: a.title,
              lead: a.leadPartner,
              due: a.dueOn ? longDate(a.dueOn) : 'not set',
              status: ACTION_STATUS_LABELS[now.status],
              tag: TAG[now.status] ?? 'govuk-tag--grey',
              progress: now.progress,
              note: now.progressNote,
              updated: now.progressAt ? longDate(now.progressAt) : '',
            };
          }),
          measures: p.measures.map((m) => {
            const latest = liveMeasures.get(m.id)?.values.at(-1);
            return {
              indicator: m.indicator,
              baseline: m.baseline === null ? 'none yet' : m.baseline.toLocaleString('en-GB'),
              target: m.target,
              latest: latest ? `${latest.value.toLocaleString('en-GB')} (${longDate(latest.period)})` : 'not yet reported',
            };
          }),
        })),
      })),
    };
  }
  return undefined;
}
