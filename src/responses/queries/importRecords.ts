import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

export interface ImportKey {
  partnershipId: string;
  consultationId: string;
  importId: string;
}

export interface NewImport extends ImportKey {
  fileName: string | null;
  contentSha256: string | null;
  createdBy: string | null;
  createdByLabel: string | null;
}

/** Records an import whose rows are about to be written: they count for nothing until completeImport. */
export async function startImport(db: Kysely<Database>, i: NewImport): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('imports')
    .values({
      partnership_id: i.partnershipId,
      id: i.importId,
      consultation_id: i.consultationId,
      state: 'staging',
      file_name: i.fileName,
      content_sha256: i.contentSha256,
      row_count: 0,
      created_by: i.createdBy,
      created_by_label: i.createdByLabel,
      created_at: now,
      updated_at: now,
      completed_at: null,
    })
    .execute();
}

/** Shows the import is still being written, so that no other process takes it for abandoned. */
export async function touchImport(db: Kysely<Database>, { partnershipId, importId }: ImportKey, rowCount: number): Promise<void> {
  await db
    .updateTable('imports')
    .set({ updated_at: nowIso(), row_count: rowCount })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', importId)
    .execute();
}

/**
 * Makes every row of the import count at once, inside the caller's transaction, and moves the consultation to a new
 * responses revision: rows appear that were stored before others already read, so readers must read again.
 */
export async function completeImport(trx: Transaction<Database>, { partnershipId, consultationId, importId }: ImportKey, rowCount: number) {
  const now = nowIso();
  const done = await trx
    .updateTable('imports')
    .set({ state: 'complete', row_count: rowCount, updated_at: now, completed_at: now })
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', importId)
    .where('state', '=', 'staging')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new Error(`import ${importId} was removed while it was being written`);
  await bumpResponsesRevision(trx, partnershipId, consultationId);
}

export async function bumpResponsesRevision(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<void> {
  await db
    .updateTable('consultations')
    .set((eb) => ({ responses_revision: eb('responses_revision', '+', 1) }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', consultationId)
    .execute();
}

const DELETE_CHUNK = 2000;

/** Removes an unfinished import and its rows, a few thousand a transaction so no writer waits long. */
export async function discardImport(db: Kysely<Database>, { partnershipId, importId }: ImportKey): Promise<void> {
  for (;;) {
    const deleted = await db
      .deleteFrom('responses')
      .where('partnership_id', '=', partnershipId)
      .where('id', 'in', (eb) =>
        eb.selectFrom('responses').select('id').where('partnership_id', '=', partnershipId).where('import_id', '=', importId).limit(DELETE_CHUNK),
      )
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) < DELETE_CHUNK) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await db.deleteFrom('imports').where('partnership_id', '=', partnershipId).where('id', '=', importId).where('state', '=', 'staging').execute();
}

/** Imports still staging that nobody has touched since `before`: their process died. */
export async function abandonedImports(db: Kysely<Database>, before: string): Promise<ImportKey[]> {
  const rows = await db
    .selectFrom('imports')
    .select(['partnership_id', 'consultation_id', 'id'])
    .where('state', '=', 'staging')
    .where('updated_at', '<', before)
    .execute();
  return rows.map((r) => ({ partnershipId: r.partnership_id, consultationId: r.consultation_id, importId: r.id }));
}

export interface EarlierImport {
  fileName: string | null;
  rowCount: number;
  completedAt: string;
  /** Who imported it, as the audit log names them. */
  by: string | null;
}

/** The latest complete import of the same content into the consultation, if any. */
export async function earlierImportOf(
  db: Kysely<Database>,
  { partnershipId, consultationId, contentSha256 }: { partnershipId: string; consultationId: string; contentSha256: string },
): Promise<EarlierImport | undefined> {
  const row = await db
    .selectFrom('imports')
    .select(['file_name', 'row_count', 'completed_at', 'created_by_label'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('content_sha256', '=', contentSha256)
    .where('state', '=', 'complete')
    .orderBy('completed_at', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  return { fileName: row.file_name, rowCount: row.row_count, completedAt: row.completed_at ?? '', by: row.created_by_label };
}
