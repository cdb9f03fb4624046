import type { Command } from 'commander';
import { printJson, say } from '../../platform/cli.js';

export function registerDatabaseCommands(program: Command) {
  program
    .command('migrate')
    .description('create or update the database tables')
    .action(async () => {
      const [{ openDatabase }, { migrateToLatest }, { resolveTarget }] = await Promise.all([
        import('../../db/database.js'),
        import('../../db/migrate.js'),
        import('../context.js'),
      ]);
      const handle = await openDatabase(resolveTarget(program.opts()));
      try {
        const result = await migrateToLatest(handle);
        printJson(result);
        say(result.applied.length ? `Applied ${result.applied.length} migration(s) to ${handle.describe}` : `${handle.describe} is up to date`);
      } finally {
        await handle.close();
      }
    });

  program
    .command('demo')
    .description('load the demo partnership (Coventry-like, real wards and deprivation data; synthetic data labelled)')
    .action(async () => {
      const [{ loadDemo }, { cliActor }, { withDatabase }] = await Promise.all([
        import('../../demo/loadDemo.js'),
        import('../../platform/recordAudit.js'),
        import('../context.js'),
      ]);
      await withDatabase(program.opts(), async (handle) => {
        const result = await loadDemo(handle, cliActor());
        printJson({ partnershipId: result.partnershipId, created: result.created, users: result.users, consultations: result.consultations });
        say(
          result.created ? `Demo loaded. Sign in with any demo user and the password ${result.password}` : 'The demo partnership is already loaded.',
        );
      });
    });
}
