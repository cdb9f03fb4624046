import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerStakeholderCommands(program: Command, cli: CliContext) {
  const stakeholders = program.command('stakeholders').description("a partnership's stakeholder register");
  stakeholders
    .command('import')
    .description('import contacts from a CSV (organisation,sector,contact_name,email,phone,role), all or nothing; a known email updates that contact')
    .argument('<partnership>', 'the partnership (id or slug)')
    .argument('<file>', 'the CSV file')
    .action((given: string, file: string) =>
      cli.withDatabase(async (handle) => {
        const { importStakeholders, StakeholderImportRejected } = await import('./manageStakeholders.js');
        const partnershipId = await cli.resolvePartnershipId(handle, given);
        if (!partnershipId) throw new CliError(`No partnership "${given}"`);
        let csv: string;
        try {
          csv = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
        } catch (err) {
          throw new CliError(`Cannot read ${file} as UTF-8 text: ${(err as Error).message}`);
        }
        try {
          const result = await importStakeholders({ db: handle.db, actor: cliActor(), partnershipId, csv, fileName: file });
          printJson(result);
          say(`Imported ${file}: ${result.added} added, ${result.updated} updated`);
        } catch (err) {
          if (err instanceof StakeholderImportRejected)
            throw new CliError([err.message, ...err.problems.map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`)].join('\n'));
          throw err;
        }
      }),
    );
}
