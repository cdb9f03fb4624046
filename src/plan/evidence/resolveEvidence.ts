/**
 * A plan's evidence links against the evidence as it stands: current (same value as when linked), changed (shows the
 * new value and the one it was linked with) or missing (deleted, withdrawn or no longer published): never a stale
 * number presented as current.
 */
import type { EvidenceLink, PlanContent } from '../planContent.js';
import { allPriorities } from '../planContent.js';
import { type EvidenceContext, type EvidenceItem, type EvidenceKind, evidenceItems, evidenceKey } from './evidenceItems.js';
import { quoteItem } from './quotes.js';

export type EvidenceStatus = 'current' | 'changed' | 'missing';

export interface ResolvedEvidence {
  link: EvidenceLink;
  status: EvidenceStatus;
  item: EvidenceItem | null;
  /** What a reader is told: the value with its status. */
  statusText: string;
}

export function resolveLink(link: EvidenceLink, item: EvidenceItem | undefined, linkedOn: (iso: string) => string): ResolvedEvidence {
  if (!item)
    return {
      link,
      status: 'missing',
      item: null,
      statusText: `No longer available: it was ${link.linkedValue} when linked on ${linkedOn(link.linkedAt)}; it has been deleted, withdrawn or is not published now.`,
    };
  if (item.value !== link.linkedValue)
    return {
      link,
      status: 'changed',
      item,
      statusText: `Changed since it was linked on ${linkedOn(link.linkedAt)}: now ${item.value}, was ${link.linkedValue}.`,
    };
  return { link, status: 'current', item, statusText: item.value };
}

/** Every link of the plan resolved, by link id; reads only the kinds of evidence the plan uses. */
export async function resolvePlanEvidence(
  ctx: EvidenceContext,
  plan: PlanContent,
  linkedOn: (iso: string) => string,
): Promise<Map<string, ResolvedEvidence>> {
  const links = allPriorities(plan).flatMap((p) => p.evidence);
  const kinds = new Set(links.map((l) => l.kind as EvidenceKind));
  const items = new Map((await evidenceItems(ctx, kinds)).map((i) => [evidenceKey(i.kind, i.ref), i]));
  const resolved = new Map<string, ResolvedEvidence>();
  for (const link of links) {
    const item =
      link.kind === 'quote'
        ? await quoteItem(ctx.handle.db, ctx.partnership.id, link.ref as { consultation: string; reference: string; question: string })
        : items.get(evidenceKey(link.kind, link.ref));
    resolved.set(link.id, resolveLink(link, item, linkedOn));
  }
  return resolved;
}
