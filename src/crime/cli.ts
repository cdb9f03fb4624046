import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import type { DbHandle } from '../db/database.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

export function registerCrimeCommands(program: Command, cli: CliContext) {
  const crime = program.command('crime').description('recorded crime: police.uk street-level crime, ASB, outcomes and stop and search');
  const partnershipOf = async (handle: DbHandle, given: string | undefined) => {
    const id = await cli.resolvePartnershipId(handle, given);
    if (!id) throw new CliError(given ? `No partnership "${given}"` : 'Say which partnership with --partnership');
    return id;
  };

  crime
    .command('import')
    .description(
      'import police.uk files exactly as published (street, 2011 street, outcomes, stop and search; CSV or the monthly ZIP); re-importing a force’s month replaces it; prints the summary as JSON',
    )
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .argument('<files...>', 'police.uk CSV files or ZIP archives')
    .action((files: string[], options: { partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await partnershipOf(handle, options.partnership);
        const { importCrime } = await import('./importCrime.js');
        const summary = await importCrime({
          db: handle.db,
          actor: cliActor(),
          partnershipId,
          files,
          onProgress: (rows) => say(`Read ${rows.toLocaleString('en-GB')} rows`),
        });
        printJson(summary);
        say(summary.message);
        if (summary.status === 'failed') process.exitCode = 1;
      }),
    );

  crime
    .command('stats')
    .description('recorded crime and ASB counted by LSOA, ward, month or crime type, with rates per 1,000 residents; prints {"groups": [...]}')
    .requiredOption('--group-by <key>', 'lsoa, ward, month or type')
    .option('--from <month>', 'the first month, YYYY-MM')
    .option('--to <month>', 'the last month, YYYY-MM')
    .option('--type <type...>', 'count only these crime types (as police.uk names them)')
    .option('--format <format>', 'json', 'json')
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .action((raw: Record<string, unknown>) =>
      cli.withDatabase(async (handle) => {
        const { STATS_OPTIONS } = await import('./statsOptions.js');
        const parsed = STATS_OPTIONS.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CliError(`--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message}`);
        }
        const o = parsed.data;
        const partnershipId = await partnershipOf(handle, o.partnership);
        const { crimeStats } = await import('./crimeStats.js');
        printJson(await crimeStats(handle.db, partnershipId, o.groupBy, { from: o.from, to: o.to, types: o.type }));
      }),
    );

  const dataset = crime
    .command('dataset')
    .description("partners' datasets (fly-tipping, deliberate fires, ambulance call-outs, ASB cases) and their column mappings");
  dataset
    .command('set')
    .description(
      "save (or replace) a dataset's column mapping: the date, the category (or one for every row) and where (coordinates, LSOA, postcode or ward); prints it as JSON",
    )
    .argument('<name>', 'the dataset, as the tables and maps name its source, e.g. "Fly-tipping reports (council)"')
    .requiredOption('--date <column>', 'the date (05/03/2024, 2024-03-05 or the month 2024-03)')
    .option('--category <column>', 'the category column')
    .option('--fixed-category <text>', 'one category for every row, e.g. Fly-tipping')
    .option('--longitude <column>')
    .option('--latitude <column>')
    .option('--easting <column>', 'British National Grid')
    .option('--northing <column>', 'British National Grid')
    .option('--lsoa <column>', 'an LSOA code')
    .option('--postcode <column>', "a full postcode, found in the partnership's postcode table")
    .option('--ward <column>', 'a ward name or ONS code')
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .action((name: string, raw: Record<string, string | undefined>) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await partnershipOf(handle, raw.partnership);
        const { mappingSchema } = await import('./partner/mapping.js');
        const { partnership: _p, ...given } = raw;
        const parsed = mappingSchema.safeParse(given);
        if (!parsed.success)
          throw new CliError(
            parsed.error.issues.map((i) => `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n'),
          );
        if (!name.trim() || name.length > 120) throw new CliError('Give the dataset a name of at most 120 characters');
        const { saveDataset } = await import('./queries/partnerDatasets.js');
        await saveDataset(handle.db, partnershipId, name.trim(), parsed.data, cliActor().label);
        printJson({ name: name.trim(), mapping: parsed.data });
      }),
    );
  dataset
    .command('list')
    .description("the partnership's datasets with their mappings, as JSON")
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .action((options: { partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const { listDatasets } = await import('./queries/partnerDatasets.js');
        printJson({ datasets: await listDatasets(handle.db, await partnershipOf(handle, options.partnership)) });
      }),
    );
  crime
    .command('import-partner')
    .description(
      "import a partner's CSV by its dataset's saved mapping; the dataset's months imported again are replaced; prints the summary as JSON",
    )
    .requiredOption('--dataset <name>', 'the dataset (saferplan crime dataset set)')
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .argument('<file>', 'a UTF-8 CSV with a header row')
    .action((file: string, options: { dataset: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        const partnershipId = await partnershipOf(handle, options.partnership);
        const { importPartnerData, UnknownDataset } = await import('./partner/importPartnerData.js');
        try {
          const summary = await importPartnerData({ db: handle.db, actor: cliActor(), partnershipId, dataset: options.dataset, file });
          printJson(summary);
          say(summary.message);
          if (summary.status === 'failed') process.exitCode = 1;
        } catch (err) {
          if (err instanceof UnknownDataset) throw new CliError(err.message);
          throw err;
        }
      }),
    );
}
