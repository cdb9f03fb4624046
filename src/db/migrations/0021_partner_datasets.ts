import type { Kysely } from 'kysely';

/** A partner's dataset (fly-tipping reports, deliberate fires...) with its saved column mapping (docs/crime.md). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('partner_datasets')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('partner_datasets_pk', ['partnership_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('partner_datasets').execute();
}
