import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerCodesCommands(program: Command, cli: CliContext) {
  const codes = program.command('codes').description('theme codings of free-text answers');

  codes
    .command('import')
    .description('add codings made elsewhere from a CSV file with the columns reference,question,theme (all or nothing)')
    .argument('<id>', 'the consultation id')
    .argument('<file>', 'the CSV file')
    .action((id: string, file: string) =>
      cli.withDatabase(async (handle) => {
        const [{ findConsultationForCli }, { importCodings }] = await Promise.all([
          import('../consultations/index.js'),
          import('./importCodings.js'),
        ]);
        const consultation = await findConsultationForCli(handle, id);
        let csv: string;
        try {
          csv = fs.readFileSync(file, 'utf8');
        } catch (err) {
          throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
        }
        const result = await importCodings({ db: handle.db, actor: cliActor(), consultation, csv });
        if (!result.ok) {
          for (const p of result.problems) say(`Row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
          throw new CliError(`Nothing was imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${file}`);
        }
        printJson({ rows: result.rows, added: result.added, alreadyCoded: result.alreadyCoded, themesAdded: result.themesAdded });
        say(`Imported ${result.added} codings (${result.alreadyCoded} already there); themes added: ${result.themesAdded.join(', ') || 'none'}`);
      }),
    );

  codes
    .command('export')
    .description('write the codings as CSV on stdout: reference,question,theme,coded_by,coded_at')
    .argument('<id>', 'the consultation id')
    .requiredOption('--format <format>', 'csv')
    .action((id: string, o: { format: string }) =>
      cli.withDatabase(async (handle) => {
        if (o.format !== 'csv') throw new CliError(`Unknown format "${o.format}": use csv`);
        const [{ findConsultationForCli }, { exportCodingsCsv }] = await Promise.all([
          import('../consultations/index.js'),
          import('./exportCodings.js'),
        ]);
        const consultation = await findConsultationForCli(handle, id);
        const { csv, rows } = await exportCodingsCsv({ db: handle.db, actor: cliActor(), consultation });
        process.stdout.write(csv);
        say(`Exported ${rows} codings`);
      }),
    );
}
