/** A plan as reports show it: its content, its versions and a line saying where it stands ("Approved by Cabinet on 18 March 2025"). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listPlans, listVersions, loadPlan, PLAN_STATUS_LABELS, type PlanContent, type PlanVersion } from '../../plan/index.js';
import { longDate } from '../document/blocks.js';

export interface ReportPlan {
  content: PlanContent;
  versions: PlanVersion[];
  statusText: string;
}

export function planStatusText(versions: readonly PlanVersion[]): string {
  const latest = versions[0];
  const approved = versions.find((v) => v.status === 'approved');
  if (!latest) return 'Draft';
  if (latest.status === 'approved')
    return `Approved by ${latest.decidedBy} on ${longDate(latest.decidedOn ?? latest.createdAt)} (version ${latest.number})`;
  const base = `${PLAN_STATUS_LABELS[latest.status]} (version ${latest.number})`;
  return approved
    ? `${base}; version ${approved.number} was approved by ${approved.decidedBy} on ${longDate(approved.decidedOn ?? approved.createdAt)}`
    : base;
}

/** The plan asked for, or the partnership's current one (latest start); undefined when there is none. */
export async function currentPlanOf(db: Kysely<Database>, partnershipId: string, planId?: string): Promise<ReportPlan | undefined> {
  const id = planId ?? (await listPlans(db, partnershipId))[0]?.id;
  if (!id) return undefined;
  const content = await loadPlan(db, partnershipId, id);
  if (!content) return undefined;
  const versions = await listVersions(db, partnershipId, id);
  return { content, versions, statusText: planStatusText(versions) };
}
