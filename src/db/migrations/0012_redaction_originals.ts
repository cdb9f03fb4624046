import type { Kysely } from 'kysely';

/**
 * Redaction (src/redaction): free-text answers are stored redacted. A partnership may choose to keep what residents
 * typed (redaction_settings: off unless an admin turns it on, with a retention period in days); the originals are
 * kept in response_originals, one row per stored or corrected response whose text the redactor changed, read by
 * admins only and deleted once older than the retention period (redaction/purgeOriginals.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('redaction_settings')
    .addColumn('partnership_id', 'text', (c) => c.primaryKey().references('partnerships.id').onDelete('cascade'))
    .addColumn('keep_originals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('response_originals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('kept_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('response_originals_response_fk', ['partnership_id', 'response_id'], 'responses', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('response_originals_response').on('response_originals').columns(['partnership_id', 'response_id']).execute();
  await db.schema.createIndex('response_originals_kept_at').on('response_originals').columns(['partnership_id', 'kept_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('response_originals').execute();
  await db.schema.dropTable('redaction_settings').execute();
}
