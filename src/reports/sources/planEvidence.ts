/** The plan's evidence resolved as reports show it: the value with its status, never a changed figure shown as current. */
import { type ResolvedEvidence, resolvePlanEvidence } from '../../plan/index.js';
import { longDate } from '../document/blocks.js';
import type { ReportContext } from '../reportContext.js';
import type { ReportPlan } from './currentPlan.js';

export async function planEvidence(ctx: ReportContext, plan: ReportPlan): Promise<Map<string, ResolvedEvidence>> {
  return resolvePlanEvidence({ handle: ctx.handle, runner: ctx.runner, partnership: ctx.partnership, user: ctx.user }, plan.content, longDate);
}

export function evidenceLine(r: ResolvedEvidence | undefined, label: string): string {
  if (!r) return `${label}: not available`;
  if (r.status === 'current') return `${label}: ${r.statusText}${r.item ? ` (${r.item.source})` : ''}`;
  return `${label}: ${r.statusText}`;
}
