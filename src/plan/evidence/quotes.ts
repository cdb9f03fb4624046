/**
 * A quote as evidence: one response's answer to a free-text question, named by the response's reference. It is
 * missing once the response is withdrawn or the answer is gone, and changed when the answer was corrected.
 */
import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { isCounted } from '../../responses/index.js';
import type { EvidenceItem } from './evidenceItems.js';

export const QUOTE_MAX = 600;

export async function quoteItem(
  db: Kysely<Database>,
  partnershipId: string,
  ref: { consultation: string; reference: string; question: string },
): Promise<EvidenceItem | undefined> {
  const row = await db
    .selectFrom('responses')
    .innerJoin('consultations', (j) =>
      j.onRef('consultations.partnership_id', '=', 'responses.partnership_id').onRef('consultations.id', '=', 'responses.consultation_id'),
    )
    .select(['responses.answers', 'consultations.title'])
    .where('responses.partnership_id', '=', partnershipId)
    .where('responses.consultation_id', '=', ref.consultation)
    .where('responses.reference', '=', ref.reference)
    .where((eb) => isCounted(eb))
    .executeTakeFirst();
  if (!row) return undefined;
  const answer = fromJson<Record<string, unknown>>(row.answers, {})[ref.question];
  if (typeof answer !== 'string' || !answer.trim()) return undefined;
  const text = answer.trim().replace(/\s+/g, ' ');
  return {
    kind: 'quote',
    ref: { consultation: ref.consultation, reference: ref.reference, question: ref.question },
    label: `A resident’s comment (${row.title}, response ${ref.reference})`,
    value: `“${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text}”`,
    source: `${row.title}: response ${ref.reference}`,
    href: `/staff/consultations/${ref.consultation}/responses/${encodeURIComponent(ref.reference)}`,
    group: row.title,
  };
}
