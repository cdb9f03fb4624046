import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isCounted } from './countedResponses.js';

export async function responseCountsByConsultation(db: Kysely<Database>, partnershipId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('responses')
    .select((eb) => ['consultation_id', eb.fn.countAll<number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .where(isCounted)
    .groupBy('consultation_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.consultation_id, Number(r.n)]));
}
