// One-time password reset links on both engines: only a hash stored, single use (also when used twice at once),
// expiry, cancelled by a newer link, by disabling and by a new password; the policy applies; other sessions end.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership, buildUser } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { cliActor } from '../platform/recordAudit.js';
import { issuePasswordReset } from './issuePasswordReset.js';
import { verifyPassword } from './passwords.js';
import { removeUser } from './removeUser.js';
import { resetLinkUser, resetPassword } from './resetPassword.js';
import { setUserDisabled } from './setUserDisabled.js';
import { setUserPassword } from './setUserPassword.js';

const NEW_PASSWORD = 'lantern-orchard-velvet';
const tokenOf = (path: string) => path.replace('/reset-password/', '');

describeEachEngine('password reset links', ({ handle, target }) => {
  const someone = async () => {
    const { db } = handle();
    const p = await buildPartnership({ db });
    return buildUser({ db, role: 'viewer', partnershipId: p.id });
  };
  const issue = async (email: string, now?: Date) =>
    issuePasswordReset({ db: handle().db, actor: { id: null, label: 'admin@anytown.example' }, user: { email }, scope: 'all', now });
  const reset = (token: string, password = NEW_PASSWORD, now?: Date) => resetPassword({ db: handle().db, token, password, now });
  const hashOf = async (id: string) =>
    (await handle().db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash;

  it('stores only a hash of the token, works once, ends every session, and is audited without the link', async () => {
    const { db } = handle();
    const user = await someone();
    await db
      .insertInto('sessions')
      .values({ id: 'their-session', data: JSON.stringify({ userId: user.id }), expires_at: '2999-01-01T00:00:00Z' })
      .execute();
    const made = await issue(user.email);
    const token = tokenOf(made.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await db.selectFrom('password_resets').selectAll().execute());
    expect(stored).not.toContain(token);
    expect((await resetLinkUser(db, token))?.email).toBe(user.email);

    expect(await reset(token)).toEqual({ id: user.id, email: user.email });
    expect(await verifyPassword(await hashOf(user.id), NEW_PASSWORD)).toBe(true);
    expect(await db.selectFrom('sessions').select('id').where('id', '=', 'their-session').execute()).toEqual([]);
    await expect(reset(token, 'another-quiet-harbour')).rejects.toMatchObject({ code: 'not_found' });
    expect(await verifyPassword(await hashOf(user.id), NEW_PASSWORD)).toBe(true);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'detail'])
      .where('entity_id', '=', user.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_label])).toEqual([
      ['user.create', expect.stringMatching(/^cli:/)],
      ['user.password-reset-link', 'admin@anytown.example'],
      ['user.password-reset', user.email],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('expires after 24 hours', async () => {
    const user = await someone();
    const issuedAt = new Date('2026-03-01T09:00:00Z');
    const made = await issue(user.email, issuedAt);
    expect(made.expiresAt).toBe('2026-03-02T09:00:00.000Z');
    const token = tokenOf(made.path);
    // Before the expiry it works (checked without using it), after it not at all.
    expect((await resetLinkUser(handle().db, token, new Date('2026-03-02T08:59:59Z')))?.id).toBe(user.id);
    expect(await resetLinkUser(handle().db, token, new Date('2026-03-02T09:00:00Z'))).toBeUndefined();
    await expect(reset(token)).rejects.toMatchObject({ code: 'not_found' });
    expect(await verifyPassword(await hashOf(user.id), NEW_PASSWORD)).toBe(false);
  });

  it('is cancelled by a newer link, by disabling the user, by setting their password and by removing them', async () => {
    const { db } = handle();
    const user = await someone();
    const first = tokenOf((await issue(user.email)).path);
    const second = tokenOf((await issue(user.email)).path);
    expect(await resetLinkUser(db, first)).toBeUndefined();
    expect((await resetLinkUser(db, second))?.id).toBe(user.id);

    await setUserDisabled({ db, actor: cliActor(), user: { id: user.id }, scope: 'all', disabled: true });
    expect(await resetLinkUser(db, second)).toBeUndefined();
    await expect(issue(user.email)).rejects.toMatchObject({
      code: 'conflict',
      message: `${user.email} is disabled: enable them before making a password reset link`,
    });
    await setUserDisabled({ db, actor: cliActor(), user: { id: user.id }, scope: 'all', disabled: false });
    expect(await resetLinkUser(db, second)).toBeUndefined();

    const third = tokenOf((await issue(user.email)).path);
    await setUserPassword({ db, actor: cliActor(), user: { id: user.id }, scope: 'all', password: 'quiet-harbour-lantern' });
    expect(await resetLinkUser(db, third)).toBeUndefined();

    // Taken out of one of two partnerships, the user stays, but the link made before does not work.
    const other = await buildPartnership({ db });
    await db.insertInto('partnership_members').values({ partnership_id: other.id, user_id: user.id, created_at: '2026-01-01T00:00:00Z' }).execute();
    const fourth = tokenOf((await issue(user.email)).path);
    await removeUser({ db, actor: cliActor(), user: { id: user.id }, scope: [other.id] });
    expect(await resetLinkUser(db, fourth)).toBeUndefined();
    expect((await db.selectFrom('users').select('id').where('id', '=', user.id).execute()).length).toBe(1);
  });

  it('refuses a password the policy refuses, leaving the link usable', async () => {
    const user = await someone();
    const token = tokenOf((await issue(user.email)).path);
    await expect(reset(token, 'password1234')).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'password', message: expect.stringContaining('Password is a common password') }],
    });
    await expect(reset(token, `${user.email.split('@')[0]}-and-more`)).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await reset(token)).id).toBe(user.id);
  });

  it('works once when used twice at the same moment', async () => {
    const user = await someone();
    const token = tokenOf((await issue(user.email)).path);
    const outcomes = await Promise.allSettled([reset(token, NEW_PASSWORD), reset(token, 'quiet-harbour-lantern')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['not_found']);
  });

  it('is made by saferplan user reset-link EMAIL, printed with the PUBLIC_URL origin', async () => {
    const user = await someone();
    const cli = await runCli(['--db', target(), 'user', 'reset-link', user.email], { env: { PUBLIC_URL: 'https://safety.example.gov.uk' } });
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as { link: string; email: string };
    expect(printed.email).toBe(user.email);
    expect(printed.link).toMatch(/^https:\/\/safety\.example\.gov\.uk\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(cli.stderr).toContain('SaferPlan sends no email');
    const token = printed.link.split('/').at(-1) ?? '';
    expect((await resetLinkUser(handle().db, token))?.id).toBe(user.id);
    const unknown = await runCli(['--db', target(), 'user', 'reset-link', 'nobody@nowhere.example']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No user has the email nobody@nowhere.example');
  }, 120_000);
});
