import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildUser } from '../../../test-support/factories.js';
import { down, up } from './0024_two_step.js';

describeEachEngine('migration 0024_two_step', ({ handle }) => {
  it('goes down and up again; one enrolment per user, a recovery code hash once per user, both removed with the user', async () => {
    const { db } = handle();
    await down(db as unknown as Kysely<unknown>);
    await up(db as unknown as Kysely<unknown>);
    const user = await buildUser({ db });
    const enrolment = { user_id: user.id, secret_sealed: 'v1.a.b.c', last_time_step: 59_872_164, enrolled_at: 'x' };
    await db.insertInto('two_step_enrolments').values(enrolment).execute();
    await expect(db.insertInto('two_step_enrolments').values(enrolment).execute()).rejects.toThrow();
    const code = { user_id: user.id, code_hash: 'h', created_at: 'x' };
    await db.insertInto('two_step_recovery_codes').values(code).execute();
    await expect(db.insertInto('two_step_recovery_codes').values(code).execute()).rejects.toThrow();
    expect(await db.selectFrom('two_step_enrolments').select('last_time_step').execute()).toEqual([{ last_time_step: 59_872_164 }]);
    await db.deleteFrom('partnership_members').where('user_id', '=', user.id).execute();
    await db.deleteFrom('users').where('id', '=', user.id).execute();
    expect(await db.selectFrom('two_step_enrolments').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('two_step_recovery_codes').selectAll().execute()).toEqual([]);
  });
});
