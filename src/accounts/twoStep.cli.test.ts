// saferplan user reset-two-step: the way back in when the only administrator has lost their phone and recovery codes.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { listAuditLog } from './queries/listAuditLog.js';

describeEachEngine('saferplan user reset-two-step', ({ handle, target }) => {
  it("deletes a user's secret and recovery codes and ends their sessions, audited as the command line; an unknown email is refused", async () => {
    const { db } = handle();
    const { id, email, partnershipId } = await buildUser({ db, role: 'admin' });
    await db.insertInto('two_step_enrolments').values({ user_id: id, secret_sealed: 'v1.a.b.c', last_time_step: 1, enrolled_at: 'x' }).execute();
    await db.insertInto('two_step_recovery_codes').values({ user_id: id, code_hash: 'h', created_at: 'x' }).execute();
    const session = { cookie: {}, twoStep: { userId: id } };
    await db
      .insertInto('sessions')
      .values({ id: 'half-signed-in', data: JSON.stringify(session), expires_at: '2999-01-01T00:00:00.000Z' })
      .execute();

    const reset = await runCli(['--db', target(), 'user', 'reset-two-step', email.toUpperCase()]);
    expect(reset.code, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toEqual({ id, email });
    expect(await db.selectFrom('two_step_enrolments').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('two_step_recovery_codes').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('sessions').select('id').where('id', '=', 'half-signed-in').execute()).toEqual([]);
    const [entry] = (await listAuditLog(db, [partnershipId])).filter((e) => e.action === 'two-step.reset');
    expect(entry?.actor).toMatch(/^cli:/);
    expect(entry?.detail).toEqual({ email, wasSetUp: true });

    const unknown = await runCli(['--db', target(), 'user', 'reset-two-step', 'nobody@nowhere.example']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user has the email nobody@nowhere.example');
  }, 120_000);
});
