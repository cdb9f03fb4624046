import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { byDialect, dialectOf } from './byDialect.js';

describeEachEngine('byDialect', ({ handle, engine }) => {
  it('picks the expression for the engine in use, and both give the same month bucket', async () => {
    const month = byDialect(handle(), {
      sqlite: () => sql<string>`strftime('%Y-%m', ${'2024-07-10T23:30:00.000Z'})`,
      postgres: () => sql<string>`to_char(${'2024-07-10T23:30:00.000Z'}::timestamptz at time zone 'UTC', 'YYYY-MM')`,
    });
    const { rows } = await sql<{ m: string }>`select ${month} as m`.execute(handle().db);
    expect(rows[0]?.m).toBe('2024-07');
    expect(byDialect(handle(), { sqlite: () => 'file', postgres: () => 'server' })).toBe(engine === 'sqlite' ? 'file' : 'server');
  });

  it("hands each choice its engine's own driver, and runs only the one chosen", async () => {
    const ran: string[] = [];
    const answer = await byDialect(handle(), {
      sqlite: async ({ sqlite }) => {
        ran.push('sqlite');
        return (sqlite.prepare('select 40 + 2 as n').get() as { n: number }).n;
      },
      postgres: async ({ pool }) => {
        ran.push('postgres');
        return (await pool.query<{ n: number }>('select 40 + 2 as n')).rows[0]?.n;
      },
    });
    expect(answer).toBe(42);
    expect(ran).toEqual([engine]);
  });

  it('tells the engine from a bare Kysely instance, as migrations need', () => {
    expect(dialectOf(handle().db)).toBe(engine);
  });
});
