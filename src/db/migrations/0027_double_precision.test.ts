import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildPartnership } from '../../../test-support/factories.js';
import { down, up } from './0027_double_precision.js';

describeEachEngine('migration 0027_double_precision', ({ engine, handle }) => {
  it('keeps a coordinate to the digit on both engines, and goes down and up again', async () => {
    const { db } = handle();
    await down(db as unknown as Kysely<unknown>);
    await up(db as unknown as Kysely<unknown>);
    const { id } = await buildPartnership({ db, name: 'Precision CSP' });
    await db
      .insertInto('postcodes')
      .values({
        partnership_id: id,
        postcode: 'CV1 5FB',
        sector: 'CV1 5',
        ward_code: null,
        lsoa_code: null,
        longitude: -1.5112345678,
        latitude: 52.4081234567,
      })
      .execute();
    const row = await db.selectFrom('postcodes').select(['longitude', 'latitude']).where('partnership_id', '=', id).executeTakeFirstOrThrow();
    expect([row.longitude, row.latitude]).toEqual([-1.5112345678, 52.4081234567]);
    if (engine === 'postgres') {
      const columns = [
        'crime_records.longitude',
        'crime_records.latitude',
        'stop_searches.longitude',
        'postcodes.latitude',
        'boundaries.west',
        'weighting_margins.population',
        'plan_measures.baseline',
        'measure_values.value',
      ];
      const { rows } = await sql<{ type: string }>`select distinct data_type as type from information_schema.columns
        where table_name || '.' || column_name in (${sql.join(columns)})`.execute(db);
      expect(rows).toEqual([{ type: 'double precision' }]);
    }
  });
});
