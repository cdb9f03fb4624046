/** `saferplan responses withdraw` and `responses restore`: the command line acts as the operator, audited as cli:$USER. */
import type { Command } from 'commander';
import type { CliContext } from '../../app/capability.js';
import { printJson, say } from '../../platform/cli.js';
import { cliActor } from '../../platform/recordAudit.js';

export function registerResponseManagementCommands(responses: Command, cli: CliContext) {
  /** The consultation's key, once the id names one. */
  const consultationKey = async (handle: Parameters<Parameters<CliContext['withDatabase']>[0]>[0], id: string) => {
    const { findConsultationForCli } = await import('../../consultations/index.js');
    const c = await findConsultationForCli(handle, id);
    return { partnershipId: c.partnershipId, consultationId: c.id };
  };

  responses
    .command('withdraw')
    .argument('<id>', 'consultation id')
    .argument('<reference>', "the response's reference, like D6KJ-SPJF-R8")
    .requiredOption('--reason <text>', 'why it is withdrawn (kept with it and in the audit log)')
    .description('withdraw a response: it stays stored but is left out of counts, analysis and exports until restored')
    .action((id: string, reference: string, o: { reason: string }) =>
      cli.withDatabase(async (handle) => {
        const { withdrawResponse } = await import('./withdrawResponse.js');
        const key = await consultationKey(handle, id);
        const done = await withdrawResponse({
          db: handle.db,
          actor: cliActor(),
          ...key,
          reference: reference.trim().toUpperCase(),
          reason: o.reason,
        });
        printJson({ reference: done.reference, withdrawn: true });
        say(`Withdrew response ${done.reference}.`);
      }),
    );

  responses
    .command('restore')
    .argument('<id>', 'consultation id')
    .argument('<reference>', "the withdrawn response's reference")
    .description("restore a withdrawn response so it counts again (an admin's action; audited)")
    .action((id: string, reference: string) =>
      cli.withDatabase(async (handle) => {
        const { restoreResponse } = await import('./restoreResponse.js');
        const key = await consultationKey(handle, id);
        const done = await restoreResponse({ db: handle.db, actor: cliActor(), ...key, reference: reference.trim().toUpperCase() });
        printJson({ reference: done.reference, withdrawn: false });
        say(`Restored response ${done.reference}.`);
      }),
    );
}
