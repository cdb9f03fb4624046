import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerDataProtectionCommands(program: Command, cli: CliContext) {
  const retention = program.command('retention').description("deleting responses' personal details once each consultation's retention period ends");
  retention
    .command('run')
    .description('delete the equality answers, postcodes and text as typed of every consultation past its retention period; audited')
    .option('--dry-run', 'count what would be deleted, and change nothing')
    .option('--partnership <idOrSlug>', 'only this partnership')
    .action((options: { dryRun?: boolean; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const { applyRetention } = await import('./retention.js');
        const partnershipId = options.partnership ? await cli.resolvePartnershipId(handle, options.partnership) : undefined;
        const runs = await applyRetention(handle.db, { now: new Date(), actor: cliActor(), dryRun: options.dryRun === true, partnershipId });
        printJson({ dryRun: options.dryRun === true, consultations: runs });
        const total = (key: 'responses' | 'equalityAnswers' | 'postcodes' | 'originals') => runs.reduce((n, r) => n + r[key], 0);
        say(
          `${options.dryRun ? 'Would delete' : 'Deleted'} ${total('equalityAnswers')} equality answers and ${total('postcodes')} postcodes from ${total('responses')} responses, and ${total('originals')} kept originals, in ${runs.length} consultation(s) past retention`,
        );
      }),
    );
}
