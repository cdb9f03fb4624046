import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../byDialect.js';

/**
 * PostgreSQL's `real` is four bytes (about seven digits): coordinates came back up to 10 cm away, points near a
 * boundary fell in another area than on SQLite (whose REAL is eight bytes), and tiny values failed. Every such column
 * becomes `double precision` there; SQLite is unchanged.
 */
const COLUMNS: Record<string, string[]> = {
  weighting_margins: ['population'],
  boundaries: ['west', 'south', 'east', 'north'],
  postcodes: ['longitude', 'latitude'],
  crime_records: ['longitude', 'latitude'],
  stop_searches: ['longitude', 'latitude'],
  plan_measures: ['baseline'],
  measure_values: ['value'],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    const changes = columns.map((c) => sql`alter column ${sql.ref(c)} type double precision`);
    await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    const changes = columns.map((c) => sql`alter column ${sql.ref(c)} type real`);
    await sql`alter table ${sql.table(table)} ${sql.join(changes)}`.execute(db);
  }
}
