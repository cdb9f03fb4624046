import type { Kysely } from 'kysely';

/**
 * A partnership's geography tables (docs/geography.md): populations by area (and age band and sex where known), the
 * IMD domains of each LSOA, and postcodes with their ward and LSOA, for resolving survey answers' postcode sectors.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lsoas').addColumn('imd_domains', 'text').execute();
  await db.schema
    .createTable('area_populations')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('area_kind', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_populations_pk', ['partnership_id', 'area_kind', 'area_code', 'age_band', 'sex'])
    .execute();
  await db.schema
    .createTable('postcodes')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('ward_code', 'text')
    .addColumn('lsoa_code', 'text')
    .addColumn('longitude', 'real')
    .addColumn('latitude', 'real')
    .addPrimaryKeyConstraint('postcodes_pk', ['partnership_id', 'postcode'])
    .execute();
  await db.schema.createIndex('postcodes_sector').on('postcodes').columns(['partnership_id', 'sector']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('postcodes').execute();
  await db.schema.dropTable('area_populations').execute();
  await db.schema.alterTable('lsoas').dropColumn('imd_domains').execute();
}
