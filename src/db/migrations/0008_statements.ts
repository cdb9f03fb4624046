import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A partnership's public statements (kind: accessibility, privacy): structured fields as JSON text, edited by its
  // admins (each change audited). A partnership without a row shows the default statement. Keyed by partnership_id.
  await db.schema
    .createTable('partnership_statements')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partnership_statements_pk', ['partnership_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('partnership_statements').execute();
}
