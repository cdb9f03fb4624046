// saferplan user disable | enable | remove | role | password, through the real command on both databases.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildPartnership, buildUser } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import { verifyPassword } from './passwords.js';
import { listAuditLog } from './queries/listAuditLog.js';

describeEachEngine('saferplan user changes', ({ handle, target }) => {
  const user = (...args: string[]) => runCli(['--db', target(), 'user', ...args]);
  const row = (email: string) => handle().db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  it('lists the commands with their arguments', async () => {
    const help = await user('--help');
    for (const command of ['disable <email>', 'enable <email>', 'remove <email>', 'role <email> <role>', 'password <email>'])
      expect(help.stdout).toContain(command);
  }, 60_000);

  it('disables, enables, changes the role of and sets a password for a user, each audited as the command line', async () => {
    const { db } = handle();
    const partnership = await buildPartnership({ db });
    await buildUser({ db, role: 'admin', partnershipId: partnership.id });
    const { id, email } = await buildUser({ db, role: 'viewer', partnershipId: partnership.id });

    const disabled = await user('disable', email.toUpperCase());
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(JSON.parse(disabled.stdout)).toEqual({ id, email, disabled: true });
    expect((await row(email))?.disabled).toBe(1);
    expect((await user('enable', email)).code).toBe(0);
    expect((await row(email))?.disabled).toBe(0);

    const role = await user('role', email, 'analyst');
    expect(role.code, role.stderr).toBe(0);
    expect((await row(email))?.role).toBe('analyst');

    const password = await runCli(['--db', target(), 'user', 'password', email], { stdin: 'lantern-orchard-velvet\n' });
    expect(password.code, password.stderr).toBe(0);
    expect(await verifyPassword((await row(email))?.password_hash ?? '', 'lantern-orchard-velvet')).toBe(true);

    const entries = (await listAuditLog(db, [partnership.id])).filter((e) => e.entityId === id);
    expect(entries.map((e) => e.action).reverse()).toEqual(['user.create', 'user.disable', 'user.enable', 'user.role', 'user.password']);
    for (const e of entries) expect(e.actor).toMatch(/^cli:/);
    expect(JSON.stringify(entries)).not.toContain('lantern');
  }, 120_000);

  it('refuses an unknown email, an unknown role and a weak password with a clear message, changing nothing', async () => {
    const { db } = handle();
    const partnership = await buildPartnership({ db });
    const { email } = await buildUser({ db, role: 'partner', partnershipId: partnership.id });
    const before = await row(email);

    const unknown = await user('disable', 'nobody@nowhere.example');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user has the email nobody@nowhere.example');
    const badRole = await user('role', email, 'superuser');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Unknown role "superuser": use one of admin, analyst, partner, member, viewer');
    const weak = await runCli(['--db', target(), 'user', 'password', email], { stdin: 'password1234\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Password is a common password or too like one');
    expect(await row(email)).toEqual(before);
  }, 120_000);

  it('removes a user, but never the last administrator of a partnership', async () => {
    const { db } = handle();
    const partnership = await buildPartnership({ db });
    const admin = await buildUser({ db, role: 'admin', partnershipId: partnership.id });
    const { email } = await buildUser({ db, role: 'member', partnershipId: partnership.id });

    const lastAdmin = await user('remove', admin.email);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain(`${admin.email} is the only administrator of their partnership`);
    const demote = await user('role', admin.email, 'viewer');
    expect(demote.stderr).toContain(`${admin.email} is the only administrator of their partnership`);
    expect((await row(admin.email))?.role).toBe('admin');

    const removed = await user('remove', email);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await row(email)).toBeUndefined();
  }, 120_000);
});
