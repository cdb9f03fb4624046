import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildUser } from '../../../test-support/factories.js';
import { down, up } from './0010_password_resets.js';

describeEachEngine('migration 0010_password_resets', ({ handle }) => {
  it('goes down and up again; a reset link goes with its user and one token hash is never stored twice', async () => {
    const { db } = handle();
    await down(db as unknown as Kysely<unknown>);
    await up(db as unknown as Kysely<unknown>);
    const [a, b] = [await buildUser({ db }), await buildUser({ db })];
    const row = (userId: string) => ({ user_id: userId, token_hash: 'same', created_at: 'x', expires_at: 'y', created_by: 'z' });
    await db.insertInto('password_resets').values(row(a.id)).execute();
    await expect(db.insertInto('password_resets').values(row(b.id)).execute()).rejects.toThrow();
    await db.deleteFrom('partnership_members').where('user_id', '=', a.id).execute();
    await db.deleteFrom('users').where('id', '=', a.id).execute();
    expect(await db.selectFrom('password_resets').selectAll().execute()).toEqual([]);
  });
});
