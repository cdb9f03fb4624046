import { type Kysely, sql } from 'kysely';
import { byDialect } from '../../db/byDialect.js';
import { fromJson } from '../../db/columnTypes.js';
import type { DbHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Answers } from '../../surveys/index.js';
import { countedSql } from './countedResponses.js';

export interface ArrivedResponse {
  id: string;
  reference: string;
  submittedAt: string;
  answers: Answers;
  channel: string;
}

export interface ArrivalsOptions {
  partnershipId: string;
  consultationId: string;
  /** Where the previous read ended (returned by this function); null to read every response. */
  after: string | null;
  pageSize?: number;
}

/** The mark to read on from, or stale: the mark no longer describes this database (read again from null). */
export type ArrivalsOutcome = { mark: string } | { stale: true };

type Reader = (
  db: Kysely<Database>,
  options: ArrivalsOptions & { revision?: number },
  onPage: (page: ArrivedResponse[]) => void,
) => Promise<{ mark: string; revision: number } | { stale: true }>;

async function responsesRevision(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<number> {
  const row = await db
    .selectFrom('consultations')
    .select('responses_revision')
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', consultationId)
    .executeTakeFirst();
  return row?.responses_revision ?? 0;
}

/**
 * A mark is the consultation's responses revision and the engine's own position, `revision/position`. A read from a
 * mark of another revision is stale: rows were withdrawn or corrected, or an import became visible with rows from
 * before the position, so the only safe reading is from the start.
 */
function splitMark(mark: string): { revision: number; position: string } | undefined {
  const slash = mark.indexOf('/');
  const revision = Number(mark.slice(0, slash));
  return slash > 0 && Number.isSafeInteger(revision) ? { revision, position: mark.slice(slash + 1) } : undefined;
}

type ArrivedRow = { id: string; reference: string; submitted_at: string; answers: string; channel: string };
const toArrived = (rows: ArrivedRow[]): ArrivedResponse[] =>
  rows.map((r) => ({ id: r.id, reference: r.reference, submittedAt: r.submitted_at, answers: fromJson<Answers>(r.answers, {}), channel: r.channel }));

/**
 * SQLite has one writer at a time, so rowids grow in commit order: the mark is the last rowid read and that row's
 * id. A rowid is reused once the last row is deleted, and VACUUM may renumber them (the table has no INTEGER
 * PRIMARY KEY); the id shows whether the mark still points where it did.
 */
const sqliteReader: Reader = async (db, { partnershipId, consultationId, after, revision: expected, pageSize = 5000 }, onPage) => {
  const revision = await responsesRevision(db, partnershipId, consultationId);
  if (expected !== undefined && revision !== expected) return { stale: true };
  let rowid = 0;
  let id = '';
  if (after) {
    const colon = after.indexOf(':');
    rowid = Number(after.slice(0, colon));
    id = after.slice(colon + 1);
    if (rowid > 0) {
      const { rows } = await sql<{ id: string }>`select id from responses where rowid = ${rowid}`.execute(db);
      if (rows[0]?.id !== id) return { stale: true };
    }
  }
  for (;;) {
    const { rows } = await sql<ArrivedRow & { rowid: number }>`
      select rowid, id, reference, submitted_at, answers, channel from responses
      where partnership_id = ${partnershipId} and consultation_id = ${consultationId} and rowid > ${rowid} and ${countedSql}
      order by rowid limit ${pageSize}`.execute(db);
    const last = rows.at(-1);
    if (last) {
      onPage(toArrived(rows));
      rowid = last.rowid;
      id = last.id;
    }
    if (rows.length < pageSize) return { mark: `${rowid}:${id}`, revision };
    // SQLite answers synchronously: a turn of the event loop between pages, so a big read holds up no other request.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
};

/**
 * PostgreSQL commits concurrently, so a row may become visible after rows with later ids: instead, each row
 * carries its inserting transaction (insert_xact) and the mark is the snapshot the read ran under. The next read
 * takes the rows not visible in that snapshot: exactly those committed since. All pages come from one snapshot;
 * one transaction's rows (a batch, an import) come in submission order.
 */
const postgresReader: Reader = (db, { partnershipId, consultationId, after, revision: expected, pageSize = 5000 }, onPage) =>
  db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const revision = await responsesRevision(trx, partnershipId, consultationId);
      if (expected !== undefined && revision !== expected) return { stale: true } as const;
      const { rows } = await sql<{ snapshot: string; behind: boolean }>`
        select pg_current_snapshot()::text as snapshot,
          ${after}::pg_snapshot is not null and pg_snapshot_xmax(pg_current_snapshot()) < pg_snapshot_xmax(${after}::pg_snapshot) as behind`.execute(
        trx,
      );
      const now = rows[0];
      // A snapshot from ahead of this database's transaction counter: another cluster (a restored dump).
      if (!now || now.behind) return { stale: true } as const;
      const since = after
        ? sql`and insert_xact >= pg_snapshot_xmin(${after}::pg_snapshot) and not pg_visible_in_snapshot(insert_xact, ${after}::pg_snapshot)`
        : sql``;
      await sql`declare arrivals no scroll cursor for
        select id, reference, submitted_at, answers, channel from responses
        where partnership_id = ${partnershipId} and consultation_id = ${consultationId} and ${countedSql} ${since}
        order by insert_xact, submitted_at, id`.execute(trx);
      for (;;) {
        const page = await sql<ArrivedRow>`fetch ${sql.raw(String(Math.trunc(pageSize)))} from arrivals`.execute(trx);
        if (page.rows.length > 0) onPage(toArrived(page.rows));
        if (page.rows.length < pageSize) return { mark: now.snapshot, revision };
      }
    });

/**
 * A consultation's responses that arrived after a mark (every one when it is null), in arrival order, a page at
 * a time: what keeps a copy of the answers (analysis's column store) current without reading them all again.
 */
export async function responsesArrivedAfter(
  handle: Pick<DbHandle, 'db' | 'driver'>,
  options: ArrivalsOptions,
  onPage: (page: ArrivedResponse[]) => void,
): Promise<ArrivalsOutcome> {
  const reader = byDialect(handle, { sqlite: () => sqliteReader, postgres: () => postgresReader });
  let after: string | null = null;
  let revision: number | undefined;
  if (options.after !== null) {
    const split = splitMark(options.after);
    if (!split) return { stale: true };
    ({ revision, position: after } = split);
  }
  const outcome = await reader(handle.db, { ...options, after, revision }, onPage);
  if ('stale' in outcome) return outcome;
  return { mark: `${outcome.revision}/${outcome.mark}` };
}
