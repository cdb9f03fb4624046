import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson, say } from '../platform/cli.js';
import { cliActor } from '../platform/recordAudit.js';

const KINDS = ['wards', 'lsoas', 'lookup', 'boundaries', 'population', 'imd', 'postcodes'] as const;
/** What `geography import` takes so far (docs/geography.md); the other kinds are issue 11's next steps. */
const AVAILABLE = ['boundaries'];
/** GeoJSON boundaries of a large authority's LSOAs run to a few megabytes; anything far beyond is not one. */
const MAX_BYTES = 100 * 1_048_576;

export function registerGeographyCommands(program: Command, cli: CliContext) {
  const geography = program.command('geography').description("a partnership's places: wards, LSOAs, their boundaries");
  geography
    .command('import')
    .description('import ONS boundary GeoJSON (wards, LSOAs or MSOAs, WGS84), all or nothing; every problem named by feature')
    .requiredOption('--kind <kind>', `what the file holds: ${KINDS.join(', ')} (so far: ${AVAILABLE.join(', ')})`)
    .option('--partnership <partnership>', 'the partnership (id or slug); needed when there is more than one')
    .argument('<file>', 'the file')
    .action((file: string, options: { kind: string; partnership?: string }) =>
      cli.withDatabase(async (handle) => {
        if (!(KINDS as readonly string[]).includes(options.kind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}`);
        if (!AVAILABLE.includes(options.kind))
          throw new CliError(`--kind ${options.kind} cannot be imported yet: so far ${AVAILABLE.join(', ')} (docs/geography.md)`);
        const partnershipId = await cli.resolvePartnershipId(handle, options.partnership);
        if (!partnershipId)
          throw new CliError(options.partnership ? `No partnership "${options.partnership}"` : 'Say which partnership with --partnership');
        let json: unknown;
        try {
          if (fs.statSync(file).size > MAX_BYTES) throw new Error(`it is larger than ${MAX_BYTES / 1_048_576} MB`);
          json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file)));
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
              [err.message, ...err.problems.map((p) => `feature ${p.feature}${p.code ? ` (${p.code})` : ''}: ${p.message}`)].join('\n'),
            );
          throw err;
        }
      }),
    );
}
