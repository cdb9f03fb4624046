import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { AnswerColumns } from './answerColumns.js';
import { encodeChunk } from './chunkCodec.js';

/** The last stored chunk of a consultation's chain: the rows it holds and the marks around them. */
export interface ChunkRef {
  position: number;
  firstRow: number;
  rowCount: number;
  afterMark: string | null;
  mark: string;
}

/** A last chunk smaller than this takes the new rows in (rewritten); a larger one is left and a new chunk follows. */
export const MERGE_BELOW_ROWS = 65_536;

export interface SaveAnswerChunkOptions {
  db: Kysely<Database>;
  partnershipId: string;
  consultationId: string;
  columns: AnswerColumns;
  /** The arrival mark after the last row of `columns`. */
  mark: string;
  /** The chain's last chunk as this process knows it; null when there is no usable chain (one is started afresh). */
  last: ChunkRef | null;
}

/**
 * Stores the rows after the chain's last chunk: merged into it while it is small, else as the next chunk. Several
 * processes may save the same consultation: each write is conditional on the chain being as this process saw it,
 * and resolves to null when another process changed it first (whose chunks are then as good as these).
 */
export async function saveAnswerChunk(options: SaveAnswerChunkOptions): Promise<ChunkRef | null> {
  const { db, partnershipId, consultationId, columns, mark, last } = options;
  const rows = columns.rows;
  const row = (ref: ChunkRef) => ({
    partnership_id: partnershipId,
    consultation_id: consultationId,
    position: ref.position,
    layout: columns.layout.fingerprint,
    first_row: ref.firstRow,
    row_count: ref.rowCount,
    after_mark: ref.afterMark,
    mark: ref.mark,
    columns: encodeChunk(columns.encoded(ref.firstRow, ref.firstRow + ref.rowCount)),
    saved_at: nowIso(),
  });
  if (last && rows - last.firstRow <= MERGE_BELOW_ROWS) {
    const merged: ChunkRef = { ...last, rowCount: rows - last.firstRow, mark };
    const { columns: blob, row_count, saved_at } = row(merged);
    const result = await db
      .updateTable('answer_chunks')
      .set({ columns: blob, row_count, mark, saved_at })
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('position', '=', last.position)
      .where('mark', '=', last.mark)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n ? merged : null;
  }

  const next: ChunkRef = last
    ? {
        position: last.position + 1,
        firstRow: last.firstRow + last.rowCount,
        rowCount: rows - last.firstRow - last.rowCount,
        afterMark: last.mark,
        mark,
      }
    : { position: 0, firstRow: 0, rowCount: rows, afterMark: null, mark };
  return db.transaction().execute(async (trx) => {
    // Chunks past the chain (a broken one, or of another layout) would block this position.
    await trx
      .deleteFrom('answer_chunks')
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('position', '>=', next.position)
      .execute();
    const inserted = await trx
      .insertInto('answer_chunks')
      .values(row(next))
      .onConflict((oc) => oc.doNothing())
      .returning('position')
      .executeTakeFirst();
    return inserted ? next : null;
  });
}
