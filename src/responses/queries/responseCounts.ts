import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isCounted } from './countedResponses.js';

/** Responses per channel for one consultation. */
export async function responseCounts(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
): Promise<{ total: number; byChannel: Record<string, number> }> {
  const rows = await db
    .selectFrom('responses')
    .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where(isCounted)
    .groupBy('channel')
    .execute();
  const byChannel = Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  return { total: rows.reduce((n, r) => n + Number(r.n), 0), byChannel };
}
