import type { Kysely } from 'kysely';

/**
 * A partnership's boundaries (docs/geography.md): one row an area (ward, LSOA or MSOA) with its polygons as GeoJSON
 * coordinates and its bounding box, imported from ONS boundary GeoJSON. A ward keeps its ONS code (E05...) beside
 * the partnership's own ward code, which survey answers use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('wards').addColumn('ons_code', 'text').execute();
  await db.schema
    .createTable('boundaries')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('polygons', 'text', (c) => c.notNull())
    .addColumn('west', 'real', (c) => c.notNull())
    .addColumn('south', 'real', (c) => c.notNull())
    .addColumn('east', 'real', (c) => c.notNull())
    .addColumn('north', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('boundaries_pk', ['partnership_id', 'kind', 'code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('boundaries').execute();
  await db.schema.alterTable('wards').dropColumn('ons_code').execute();
}
