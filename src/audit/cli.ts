import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';
import { OWNER_ONLY, writeAtomically } from '../platform/writeAtomically.js';

export function registerAuditCommands(program: Command, cli: CliContext) {
  const audit = program.command('audit').description('the audit log');
  audit
    .command('export')
    .description('write the audit log, newest first, as the staff page describes it; the download is itself recorded')
    .requiredOption('--format <format>', 'csv or xlsx')
    .requiredOption('--out <file>', 'where to write the file')
    .option('--partnership <id>', "one partnership's entries (id or slug); without it every entry, install-wide ones included")
    .action((o: { format: string; out: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        if (o.format !== 'csv' && o.format !== 'xlsx') throw new CliError(`Unknown format "${o.format}": use csv or xlsx`);
        const [{ auditContext }, { exportAuditLog }] = await Promise.all([import('./readAuditLog.js'), import('./exportAuditLog.js')]);
        const partnershipId = o.partnership ? await cli.resolvePartnershipId(handle, o.partnership) : undefined;
        const context = await auditContext(handle.db, partnershipId ? [partnershipId] : 'all', {});
        const format = o.format;
        // Names and email addresses: readable by the operator only, and never seen half-written.
        const { rows } = await writeAtomically(o.out, {
          replace: true,
          mode: OWNER_ONLY,
          write: (partial) =>
            exportAuditLog({
              db: handle.db,
              actor: cliActor(),
              context,
              format,
              out: fs.createWriteStream(partial),
              partnershipId: partnershipId ?? null,
              filters: partnershipId ? { partnership: partnershipId } : {},
            }),
        });
        printJson({ file: o.out, rows });
        say(`Wrote ${rows} entries to ${o.out}`);
      }),
    );
}
