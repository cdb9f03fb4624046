import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerPartnershipCommands(program: Command, cli: CliContext) {
  const partnership = program.command('partnership').description('Community Safety Partnerships held in this install');

  partnership
    .command('create')
    .description('create a partnership; prints {"id": ...}')
    .requiredOption('--name <name>', 'the partnership name')
    .option('--area-code <code>', 'ONS local authority code, e.g. E08000026')
    .action((options: { name: string; areaCode?: string }) =>
      cli.withDatabase(async ({ db }) => {
        const { createPartnership } = await import('./createPartnership.js');
        const { id, slug } = await createPartnership({ db, actor: cliActor(), partnership: { name: options.name, areaCode: options.areaCode } });
        printJson({ id, slug });
      }),
    );

  partnership
    .command('list')
    .description('list partnerships')
    .option('--format <format>', 'json or table', 'table')
    .action((options: { format: string }) =>
      cli.withDatabase(async ({ db }) => {
        const [{ listPartnerships }, { presentPartnership }] = await Promise.all([
          import('./queries/listPartnerships.js'),
          import('./presentPartnership.js'),
        ]);
        const all = await listPartnerships(db);
        if (options.format === 'json') {
          printJson(all.map(presentPartnership));
          return;
        }
        if (all.length === 0) {
          say('No partnerships yet. Create one with: saferplan partnership create --name "..."');
          return;
        }
        for (const p of all) process.stdout.write(`${p.id}  ${p.areaCode ?? '         '}  ${p.name}${p.isDemo ? ' (demo)' : ''}\n`);
      }),
    );

  partnership
    .command('set-suppression')
    .description('set the smallest base whose figures staff see (3 or more; default 10); prints {"partnership": ..., "suppressionMinimum": ...}')
    .argument('<minimum>', 'a whole number, 3 or more')
    .option('--partnership <id>', 'the partnership, id or slug (default: the only one)')
    .action((minimum: string, options: { partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await cli.resolvePartnershipId(handle, options.partnership);
        if (!partnershipId) throw new CliError('Create a partnership first: saferplan partnership create --name "..."');
        const { setSuppressionMinimum } = await import('./setSuppressionMinimum.js');
        const saved = await setSuppressionMinimum({ db: handle.db, actor: cliActor(), partnershipId, minimum });
        printJson({ partnership: partnershipId, suppressionMinimum: saved.minimum });
      }),
    );
}
