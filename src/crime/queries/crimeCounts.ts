import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export type CrimeGroupBy = 'lsoa' | 'ward' | 'month' | 'type';
export interface CrimeFilter {
  from?: string;
  to?: string;
  /** Crime types to count; all when absent. */
  types?: readonly string[];
}

const COLUMN = { lsoa: 'lsoa_code', ward: 'ward_code', month: 'month', type: 'category' } as const;

/** Recorded crimes and ASB of the partnership's finished imports, counted by one key, in key order. */
export async function crimeCounts(db: Kysely<Database>, partnershipId: string, groupBy: CrimeGroupBy, filter: CrimeFilter = {}) {
  const column = COLUMN[groupBy];
  let query = db
    .selectFrom('crime_records')
    .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll<number>().as('count')])
    .where('partnership_id', '=', partnershipId)
    .where('import_id', 'in', (eb) =>
      eb.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).where('status', '=', 'done'),
    );
  if (filter.from) query = query.where('month', '>=', filter.from);
  if (filter.to) query = query.where('month', '<=', filter.to);
  if (filter.types?.length) query = query.where('category', 'in', [...filter.types]);
  const rows = await query.groupBy(column).orderBy(column).execute();
  return rows.map((r) => ({ key: r.key as string | null, count: Number(r.count) }));
}

/** Counts by one key and crime type: the Strategic Assessment's tables. */
export async function crimeCountsByType(
  db: Kysely<Database>,
  partnershipId: string,
  groupBy: Exclude<CrimeGroupBy, 'type'>,
  filter: CrimeFilter = {},
) {
  const column = COLUMN[groupBy];
  let query = db
    .selectFrom('crime_records')
    .select((eb) => [eb.ref(column).as('key'), 'category', eb.fn.countAll<number>().as('count')])
    .where('partnership_id', '=', partnershipId)
    .where('import_id', 'in', (eb) =>
      eb.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).where('status', '=', 'done'),
    );
  if (filter.from) query = query.where('month', '>=', filter.from);
  if (filter.to) query = query.where('month', '<=', filter.to);
  const rows = await query.groupBy([column, 'category']).execute();
  return rows.map((r) => ({ key: r.key as string | null, type: r.category, count: Number(r.count) }));
}

/** The partnership's recorded-crime sources: each force (or source) with its months. */
export async function crimeSources(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('crime_records')
    .select((eb) => ['force', eb.fn.min('month').as('first'), eb.fn.max('month').as('last'), eb.fn.countAll<number>().as('count')])
    .where('partnership_id', '=', partnershipId)
    .where('import_id', 'in', (eb) =>
      eb.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).where('status', '=', 'done'),
    )
    .groupBy('force')
    .execute();
  return rows.map((r) => ({ force: r.force, first: String(r.first), last: String(r.last), count: Number(r.count) }));
}

/** Police.uk crimes (those with a Crime ID) by their last outcome, in the months given. */
export async function outcomeCounts(db: Kysely<Database>, partnershipId: string, filter: CrimeFilter = {}) {
  let query = db
    .selectFrom('crime_records')
    .select((eb) => ['last_outcome', eb.fn.countAll<number>().as('count')])
    .where('partnership_id', '=', partnershipId)
    .where('crime_id', 'is not', null)
    .where('import_id', 'in', (eb) =>
      eb.selectFrom('crime_imports').select('id').where('partnership_id', '=', partnershipId).where('status', '=', 'done'),
    );
  if (filter.from) query = query.where('month', '>=', filter.from);
  if (filter.to) query = query.where('month', '<=', filter.to);
  const rows = await query.groupBy('last_outcome').execute();
  return rows.map((r) => ({ outcome: r.last_outcome ?? 'No outcome recorded', count: Number(r.count) })).sort((a, b) => b.count - a.count);
}
