import fs from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { CliContext } from '../app/capability.js';
import type { Database } from '../db/schema.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';
import type { TableKind } from './tables/readGeoTable.js';

const KINDS = ['wards', 'lsoas', 'lookup', 'boundaries', 'population', 'imd', 'postcodes'] as const;
/** GeoJSON boundaries of a large authority's LSOAs run to a few megabytes; anything far beyond is not one. */
const MAX_BYTES = 100 * 1_048_576;
/** Problems printed; the rest are counted, as the first few usually say what is wrong with the whole file. */
const SHOWN = 30;
const more = (count: number) => (count > SHOWN ? [`...and ${count - SHOWN} more`] : []);

export function registerGeographyCommands(program: Command, cli: CliContext) {
  const geography = program.command('geography').description("a partnership's places: wards, LSOAs, their boundaries");
  geography
    .command('import')
    .description(
      'import wards, LSOAs, the LSOA-to-ward lookup, populations, IMD or postcodes (CSV) or boundaries (GeoJSON), all or nothing; every problem named by row or feature',
    )
    .requiredOption('--kind <kind>', `what the file holds: ${KINDS.join(', ')}`)
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .argument('<file>', 'the file')
    .action((file: string, options: { kind: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        if (!(KINDS as readonly string[]).includes(options.kind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}`);
        const partnershipId = await cli.resolvePartnershipId(handle, options.partnership);
        if (!partnershipId)
          throw new CliError(options.partnership ? `No partnership "${options.partnership}"` : 'Say which partnership with --partnership');
        if (options.kind !== 'boundaries') return importTable(handle.db, partnershipId, options.kind as TableKind, file);
        let json: unknown;
        try {
          json = JSON.parse(readText(file));
        } catch (err) {
          throw new CliError(`Cannot read ${file} as GeoJSON: ${(err as Error).message}`);
        }
        const { importBoundaries, BoundaryImportRejected } = await import('./importBoundaries.js');
        try {
          const result = await importBoundaries({ db: handle.db, actor: cliActor(), partnershipId, json, fileName: file });
          printJson(result);
          say(`Imported ${result.areas} ${result.kind} boundaries from ${file}`);
        } catch (err) {
          if (err instanceof BoundaryImportRejected)
            throw new CliError(
              [
                err.message,
                ...err.problems.slice(0, SHOWN).map((p) => `feature ${p.feature}${p.code ? ` (${p.code})` : ''}: ${p.message}`),
                ...more(err.problems.length),
              ].join('\n'),
            );
          throw err;
        }
      }),
    );
}

function readText(file: string): string {
  if (fs.statSync(file).size > MAX_BYTES) throw new Error(`it is larger than ${MAX_BYTES / 1_048_576} MB`);
  return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
}

async function importTable(db: Kysely<Database>, partnershipId: string, kind: TableKind, file: string) {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    throw new CliError(`Cannot read ${file} as UTF-8 CSV: ${(err as Error).message}`);
  }
  const { importGeographyTable, GeographyImportRejected } = await import('./importGeographyTable.js');
  try {
    const summary = await importGeographyTable({ db, actor: cliActor(), partnershipId, kind, text, fileName: file });
    printJson(summary);
    say(
      `Imported ${summary.imported} of ${summary.rowsRead} rows of ${kind} from ${file}${summary.outside ? ` (${summary.outside} outside the partnership’s area, not kept)` : ''}`,
    );
  } catch (err) {
    if (err instanceof GeographyImportRejected)
      throw new CliError(
        [
          err.message,
          ...err.problems.slice(0, SHOWN).map((p) => `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`),
          ...more(err.problems.length),
        ].join('\n'),
      );
    throw err;
  }
}
