import { sql } from 'kysely';
import type { DbHandle } from './database.js';

/** How current a read is: from the primary, or from a replica and how far behind it was when read. */
export interface Freshness {
  source: 'primary' | 'replica';
  /** Seconds the replica was behind the primary (0 when it had replayed everything); null when it cannot tell. */
  lagSeconds: number | null;
  readAt: string;
}

/**
 * The replica's lag: none when it has replayed all the primary has written; otherwise the time since the last
 * transaction it replayed (an idle primary writes nothing, so time alone would overstate it).
 */
export async function freshnessOf(read: DbHandle, primary: DbHandle): Promise<Freshness> {
  const readAt = new Date().toISOString();
  if (read === primary || read.dialect !== 'postgres') return { source: 'primary', lagSeconds: 0, readAt };
  try {
    const [written, replica] = await Promise.all([
      sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.db),
      sql<{ recovering: boolean; lsn: string | null; lag: number | null }>`select pg_is_in_recovery() as recovering,
        pg_last_wal_replay_lsn()::text as lsn,
        extract(epoch from (now() - pg_last_xact_replay_timestamp()))::float8 as lag`.execute(read.db),
    ]);
    const r = replica.rows[0];
    if (!r?.recovering || r.lsn === null) return { source: 'replica', lagSeconds: 0, readAt };
    const caughtUp = lsnValue(written.rows[0]?.lsn ?? '0/0') <= lsnValue(r.lsn);
    return { source: 'replica', lagSeconds: caughtUp ? 0 : r.lag === null ? null : Math.max(0, Math.round(r.lag)), readAt };
  } catch {
    return { source: 'replica', lagSeconds: null, readAt };
  }
}

/** A WAL position (hi/lo in hex) as a number comparable across two readings. */
function lsnValue(lsn: string): bigint {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}
