import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { byDialect, dialectOf } from './byDialect.js';

describeEachEngine('byDialect', ({ handle, engine }) => {
  it('picks the expression for the engine in use, and both give the same month bucket', async () => {
    const month = byDialect(handle(), {
      sqlite: sql<string>`strftime('%Y-%m', ${'2024-07-10T23:30:00.000Z'})`,
      postgres: sql<string>`to_char(${'2024-07-10T23:30:00.000Z'}::timestamptz at time zone 'UTC', 'YYYY-MM')`,
    });
    const { rows } = await sql<{ m: string }>`select ${month} as m`.execute(handle().db);
    expect(rows[0]?.m).toBe('2024-07');
    expect(byDialect(handle(), { sqlite: 'file', postgres: 'server' })).toBe(engine === 'sqlite' ? 'file' : 'server');
  });

  it('tells the engine from a bare Kysely instance, as migrations need', () => {
    expect(dialectOf(handle().db)).toBe(engine);
  });
});
