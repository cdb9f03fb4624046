import type { Kysely } from 'kysely';

/**
 * Imports as records of their own. An import's rows are written in many short transactions, so that nobody waits
 * for a long one, and stay out of every count, list and analysis until the one transaction that marks the import
 * complete (responses/queries/countedResponses.ts). The file's SHA-256 lets a second import of the same file be
 * recognised. A consultation's responses_revision changes whenever its set of responses changes other than by new
 * rows arriving (an import becoming visible), so that copies kept of its answers know to read them again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content_sha256', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_by_label', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('imports_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('imports_consultation_fk', ['partnership_id', 'consultation_id'], 'consultations', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('imports_by_content').on('imports').columns(['partnership_id', 'consultation_id', 'content_sha256']).execute();
  await db.schema.createIndex('imports_by_state').on('imports').columns(['state']).execute();
  await db.schema.createIndex('responses_by_import').on('responses').columns(['import_id']).execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('responses_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultations').dropColumn('responses_revision').execute();
  await db.schema.dropIndex('responses_by_import').execute();
  await db.schema.dropTable('imports').execute();
}
