import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Counts one hit on the key in one statement (a new window when the last has ended); the count and when it resets. */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now: number): Promise<{ hits: number; resetsAt: number }> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, resets_at: now + windowMs })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limits.resets_at <= ${now} then 1 else rate_limits.hits + 1 end`,
        resets_at: sql<number>`case when rate_limits.resets_at <= ${now} then ${now + windowMs} else rate_limits.resets_at end`,
      }),
    )
    .returning(['hits', 'resets_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
}

export async function readHits(db: Kysely<Database>, key: string, now: number): Promise<{ hits: number; resetsAt: number }> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'resets_at']).where('key', '=', key).executeTakeFirst();
  if (!row || Number(row.resets_at) <= now) return { hits: 0, resetsAt: now };
  return { hits: Number(row.hits), resetsAt: Number(row.resets_at) };
}

export async function removeEndedWindows(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('resets_at', '<=', now).execute();
}
