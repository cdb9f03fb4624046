import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, readStdin, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';
import type { ManageUserOptions } from './manageUser.js';
import { isRole, ROLES } from './roles.js';

export function registerUserCommands(program: Command, cli: CliContext) {
  const user = program.command('user').description('people who can sign in');

  user
    .command('add')
    .description('add a user; the password is read from standard input; prints {"id": ...}')
    .requiredOption('--email <email>', 'their email address (used to sign in)')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'their full name', '')
    .option('--partnership <id>', 'the partnership they belong to (default: the only one)')
    .action((options: { email: string; role: string; name: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        if (!isRole(options.role)) throw new CliError(`Unknown role "${options.role}": use one of ${ROLES.join(', ')}`);
        const { createUser } = await import('./createUser.js');
        const partnershipId = await cli.resolvePartnershipId(handle, options.partnership);
        const password = await readStdin();
        const created = await createUser({
          db: handle.db,
          actor: cliActor(),
          user: { email: options.email, name: options.name, role: options.role, password, partnershipIds: partnershipId ? [partnershipId] : [] },
        });
        printJson({ ...created, partnershipId: partnershipId ?? null });
      }),
    );

  user
    .command('list')
    .description('list users')
    .option('--format <format>', 'json or table', 'table')
    .action((options: { format: string }) =>
      cli.withDatabase(async ({ db }) => {
        const { listUsers } = await import('./queries/listUsers.js');
        const users = await listUsers(db);
        if (options.format === 'json') {
          printJson(users);
          return;
        }
        for (const u of users) process.stdout.write(`${u.email}  ${u.role}${u.disabled ? ' (disabled)' : ''}\n`);
      }),
    );

  registerUserChangeCommands(user, cli);
}

/** The changes to one user, named by email; each is audited as the command line. */
function registerUserChangeCommands(user: Command, cli: CliContext) {
  const change = (name: string, description: string, work: (email: string, extra: string | undefined) => Promise<void>) =>
    user
      .command(name)
      .description(description)
      .action((email: string, extra: string | undefined) => work(email, extra));

  const withUser = (email: string, act: (options: ManageUserOptions) => Promise<unknown>) =>
    cli.withDatabase(async ({ db }) => {
      printJson(await act({ db, actor: cliActor(), user: { email }, scope: 'all' }));
    });

  change('disable <email>', 'disable a user: they are signed out at once and cannot sign in until enabled', (email) =>
    withUser(email, async (options) => (await import('./setUserDisabled.js')).setUserDisabled({ ...options, disabled: true })),
  );
  change('enable <email>', 'enable a disabled user again', (email) =>
    withUser(email, async (options) => (await import('./setUserDisabled.js')).setUserDisabled({ ...options, disabled: false })),
  );
  change('remove <email>', 'remove a user: signed out and deleted (the audit log keeps what they did)', (email) =>
    withUser(email, async (options) => (await import('./removeUser.js')).removeUser(options)),
  );
  change('role <email> <role>', `change a user's role to one of: ${ROLES.join(', ')}`, async (email, role = '') => {
    if (!isRole(role)) throw new CliError(`Unknown role "${role}": use one of ${ROLES.join(', ')}`);
    return withUser(email, async (options) => (await import('./changeUserRole.js')).changeUserRole({ ...options, role }));
  });
  change('reset-link <email>', 'make a one-time password reset link (24 hours) and print it: give it to the user yourself', (email) =>
    cli.withDatabase(async ({ db }) => {
      const { issuePasswordReset } = await import('./issuePasswordReset.js');
      const made = await issuePasswordReset({ db, actor: cliActor(), user: { email }, scope: 'all' });
      const link = `${await cli.baseUrl()}${made.path}`;
      printJson({ id: made.id, email: made.email, link, expiresAt: made.expiresAt });
      say(`Give ${made.email} this link yourself (SaferPlan sends no email). It works once, until ${made.expiresAt}:\n${link}`);
    }),
  );
  change('reset-two-step <email>', 'turn off two-step verification (a lost phone): signs the user out everywhere; they set it up again', (email) =>
    withUser(email, async (options) => (await import('./twoStep/resetTwoStep.js')).resetTwoStep(options)),
  );
  change('password <email>', 'set a new password, read from standard input; signs the user out everywhere', (email) =>
    withUser(email, async (options) => (await import('./setUserPassword.js')).setUserPassword({ ...options, password: await readStdin() })),
  );
}
