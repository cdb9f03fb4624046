import type { Kysely } from 'kysely';

/**
 * Recorded crime (docs/crime.md): police.uk street-level crimes and ASB, their outcomes, and stop and search, each row
 * under the import that brought it. Rows of an import become visible when it is done, and replace the same force's
 * months in one step; a failed or interrupted import's rows are deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crime_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // running | done | failed
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .execute();
  await db.schema.createIndex('crime_imports_partnership').on('crime_imports').columns(['partnership_id', 'status']).execute();

  await db.schema
    .createTable('crime_records')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('force', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('crime_id', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('lsoa_code', 'text')
    .addColumn('ward_code', 'text')
    .addColumn('longitude', 'real')
    .addColumn('latitude', 'real')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('last_outcome', 'text')
    .execute();
  await db.schema.createIndex('crime_records_month').on('crime_records').columns(['partnership_id', 'month']).execute();
  await db.schema.createIndex('crime_records_force_month').on('crime_records').columns(['partnership_id', 'force', 'month']).execute();
  // No index on crime_id: police.uk's are random 64-digit hex, and keeping such an index tripled a large import's time;
  // applying outcomes looks crimes up from the outcomes' side (crime_outcomes_crime_id) instead.
  await db.schema.createIndex('crime_records_import').on('crime_records').columns(['import_id']).execute();

  await db.schema
    .createTable('crime_outcomes')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('force', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('crime_id', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('lsoa_code', 'text')
    .execute();
  await db.schema.createIndex('crime_outcomes_crime_id').on('crime_outcomes').columns(['partnership_id', 'crime_id']).execute();
  await db.schema.createIndex('crime_outcomes_force_month').on('crime_outcomes').columns(['partnership_id', 'force', 'month']).execute();
  await db.schema.createIndex('crime_outcomes_import').on('crime_outcomes').columns(['import_id']).execute();

  await db.schema
    .createTable('stop_searches')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('force', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_range', 'text', (c) => c.notNull())
    .addColumn('officer_ethnicity', 'text', (c) => c.notNull())
    .addColumn('legislation', 'text', (c) => c.notNull())
    .addColumn('object_of_search', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('lsoa_code', 'text')
    .addColumn('ward_code', 'text')
    .addColumn('longitude', 'real')
    .addColumn('latitude', 'real')
    .execute();
  await db.schema.createIndex('stop_searches_force_month').on('stop_searches').columns(['partnership_id', 'force', 'month']).execute();
  await db.schema.createIndex('stop_searches_import').on('stop_searches').columns(['import_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stop_searches', 'crime_outcomes', 'crime_records', 'crime_imports']) await db.schema.dropTable(table).execute();
}
