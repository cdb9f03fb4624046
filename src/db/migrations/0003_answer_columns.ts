import { type Kysely, sql } from 'kysely';
import { byDialectOf } from '../byDialect.js';

/**
 * Analysis reads answers from stored columns plus the responses that arrived since (docs/analysis.md, "The column
 * store"). "Arrived since" needs an order in which a response, once visible, never has a row visible before it:
 * - SQLite serialises writers, so the rowid order is the commit order; the index lets a consultation's rows after
 *   a rowid be read directly (an index ends with the rowid).
 * - PostgreSQL commits concurrently, so no counter is safe: each row records the id of the transaction that
 *   inserted it (insert_xact), and a reader keeps the snapshot it read under; the rows not visible in that
 *   snapshot are exactly those that arrived since.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await byDialectOf(db, {
    sqlite: async () => {
      await db.schema.createIndex('responses_by_arrival').on('responses').columns(['partnership_id', 'consultation_id']).execute();
    },
    postgres: async () => {
      await sql`alter table responses add column insert_xact xid8 not null default pg_current_xact_id()`.execute(db);
      await db.schema.createIndex('responses_by_arrival').on('responses').columns(['partnership_id', 'consultation_id', 'insert_xact']).execute();
    },
  });

  // A consultation's encoded answers, in chunks of consecutive rows: chunk `position` holds rows from `first_row`,
  // those that arrived after `after_mark` up to `mark`. Only chunks of the current `layout` are read.
  await db.schema
    .createTable('answer_chunks')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('first_row', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('after_mark', 'text')
    .addColumn('mark', 'text', (c) => c.notNull())
    .addColumn('columns', byDialectOf(db, { sqlite: () => 'blob', postgres: () => 'bytea' }), (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_chunks_pk', ['partnership_id', 'consultation_id', 'position'])
    .addForeignKeyConstraint(
      'answer_chunks_consultation_fk',
      ['partnership_id', 'consultation_id'],
      'consultations',
      ['partnership_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('answer_chunks').execute();
  await db.schema.dropIndex('responses_by_arrival').execute();
  await byDialectOf(db, {
    sqlite: async () => undefined,
    postgres: async () => void (await sql`alter table responses drop column insert_xact`.execute(db)),
  });
}
