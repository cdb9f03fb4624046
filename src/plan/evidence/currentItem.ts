/** One evidence item as it stands now, read again on the server: a form only names it (by kind and ref). */
import type { EvidenceLink } from '../planContent.js';
import { EVIDENCE_KINDS, type EvidenceContext, type EvidenceItem, type EvidenceKind, evidenceItems, evidenceKey } from './evidenceItems.js';
import { quoteItem } from './quotes.js';

const isKind = (kind: string): kind is EvidenceKind => (EVIDENCE_KINDS as readonly string[]).includes(kind);

export async function currentItem(ctx: EvidenceContext, link: Pick<EvidenceLink, 'kind' | 'ref'>): Promise<EvidenceItem | undefined> {
  if (link.kind === 'quote') {
    const { consultation = '', reference = '', question = '' } = link.ref;
    return quoteItem(ctx.handle.db, ctx.partnership.id, { consultation, reference, question });
  }
  if (!isKind(link.kind)) return undefined;
  const key = evidenceKey(link.kind, link.ref);
  return (await evidenceItems(ctx, new Set([link.kind]))).find((i) => evidenceKey(i.kind, i.ref) === key);
}

/** A measure's baseline from an evidence item's figure ("56.7% (n = 646)" gives 56.7; "848 (2.5 per 1,000...)" 848); null when it starts with no number. */
export function baselineFrom(item: Pick<EvidenceItem, 'value' | 'source'>): { baseline: number; note: string } | null {
  const figure = /^([\d,]+(?:\.\d+)?)(?=%|\s|$)/.exec(item.value)?.[1];
  if (!figure) return null;
  return { baseline: Number(figure.replace(/,/g, '')), note: `${item.value}: ${item.source}`.slice(0, 500) };
}
