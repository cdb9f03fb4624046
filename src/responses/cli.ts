import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';
import { OWNER_ONLY, writeAtomically } from '../platform/writeAtomically.js';
import { registerResponseManagementCommands } from './manage/cli.js';

export function registerResponseCommands(program: Command, cli: CliContext) {
  const responses = program.command('responses').description('survey responses');
  responses
    .command('import')
    .argument('<id>', 'consultation id')
    .argument('<file>', 'a .csv or .xlsx file: one column per question code; multiple choice separated by ";"')
    .option('--channel <channel>', 'channel for rows without a channel column', 'import')
    .option('--allow-duplicate', 'import a file even though the same file was imported into this consultation before')
    .description('import responses: all or nothing; every problem reported by row and column')
    .action((id: string, file: string, o: { channel: string; allowDuplicate?: boolean }) =>
      cli.withDatabase(async (handle) => {
        if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
        const [{ ConsultationRuntimeCache, findConsultationForCli }, { importResponses }] = await Promise.all([
          import('../consultations/index.js'),
          import('./importResponses.js'),
        ]);
        await findConsultationForCli(handle, id);
        const result = await importResponses({
          handle,
          runtimes: new ConsultationRuntimeCache(handle.db),
          actor: cliActor(),
          consultationId: id,
          file,
          fileName: path.basename(file),
          defaultChannel: o.channel,
          allowDuplicate: o.allowDuplicate === true,
        });
        printJson(result);
        say(`Imported ${result.imported} responses.`);
      }),
    );

  responses
    .command('export')
    .argument('<id>', 'consultation id')
    .requiredOption('--format <format>', 'csv or xlsx')
    .requiredOption('--out <file>', 'where to write the file')
    .option('--labels', 'question text as headers and option labels as values (reference, channel and submitted_at keep their names)')
    .description('export every response: reference, one column per question, channel, submitted_at')
    .action((id: string, o: { format: string; out: string; labels?: boolean }) =>
      cli.withDatabase(async (handle) => {
        if (o.format !== 'csv' && o.format !== 'xlsx') throw new CliError(`Unknown format "${o.format}": use csv or xlsx`);
        const [{ findConsultationForCli, loadSurveyDefinition }, { exportResponses }, { listWards }] = await Promise.all([
          import('../consultations/index.js'),
          import('./exportResponses.js'),
          import('../partnerships/index.js'),
        ]);
        const c = await findConsultationForCli(handle, id);
        const source = {
          db: handle.db,
          partnershipId: c.partnershipId,
          consultationId: id,
          definition: await loadSurveyDefinition(handle.db, c, c.surveyVersion),
          labels: o.labels === true,
          wards: o.labels ? await listWards(handle.db, c.partnershipId) : [],
          actor: cliActor(),
          format: o.format,
        } as const;
        // Personal data: readable by the operator only, and never seen half-written.
        const { rows } = await writeAtomically(o.out, {
          replace: true,
          mode: OWNER_ONLY,
          write: (partial) => exportResponses(source, fs.createWriteStream(partial)),
        });
        say(`Wrote ${rows} responses to ${o.out}`);
      }),
    );

  registerResponseManagementCommands(responses, cli);
}
