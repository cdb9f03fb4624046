import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../app/capability.js';
import { CliError, printJson } from '../platform/cli.js';
import type { BenchmarkInput } from './types.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** "safe_dark=0.49:Kensington and Chelsea" -> a benchmark figure. */
function parseBenchmark(text: string): BenchmarkInput {
  const m = /^([a-z][a-z0-9_]*)=([0-9.]+)(?::(.*))?$/.exec(text);
  const proportion = m ? Number(m[2]) : Number.NaN;
  if (!m || !(proportion >= 0 && proportion <= 1))
    throw new CliError(`--benchmark "${text}" must look like safe_dark=0.49:Label (a proportion between 0 and 1)`);
  return { indicator: m[1] as string, proportion, label: m[3] ?? 'Benchmark' };
}

export function registerAnalyseCommand(program: Command, cli: CliContext) {
  program
    .command('analyse')
    .argument('<id>', 'consultation id')
    .description("analyse a consultation's responses; prints the analysis JSON, or with --crosstab and --by one cross-tab's (docs/analysis.md)")
    .option('--format <format>', 'json (the only format)', 'json')
    .option('--weights <file>', 'rake to population margins: CSV variable,value,population')
    .option('--max-weight-ratio <ratio>', 'trim weights at this multiple of the mean weight, e.g. 5')
    .option('--filter <code=value>', 'analyse only respondents giving this answer (repeatable), e.g. ward=earlsdon', collect, [])
    .option(
      '--benchmark <indicator=proportion:label>',
      'compare an indicator with a benchmark (repeatable), e.g. safe_dark=0.49:England',
      collect,
      [],
    )
    .option('--crosstab <question>', 'print one cross-tab instead: this question (code) by --by, e.g. --crosstab safe_dark --by ward')
    .option('--by <breakdown>', 'the cross-tab breakdown: ward, age_band, sex, ethnic_group, disability or channel')
    .option('--suppress-below <n>', "suppress figures when the base is under n (3 or more; default: the partnership's minimum, usually 10)")
    .action(
      (
        id: string,
        o: {
          format: string;
          weights?: string;
          maxWeightRatio?: string;
          filter: string[];
          benchmark: string[];
          suppressBelow?: string;
          crosstab?: string;
          by?: string;
        },
      ) =>
        cli.withDatabase(async (handle) => {
          if (o.format !== 'json') throw new CliError(`--format ${o.format} is not supported: use --format json`);
          if (Boolean(o.crosstab) !== Boolean(o.by))
            throw new CliError('A cross-tab needs both --crosstab QUESTION and --by BREAKDOWN, e.g. --crosstab safe_dark --by ward');
          const [
            { loadConsultation },
            { analyseStoredConsultation, crossTabWithin },
            { DEFAULT_SUPPRESSION_MINIMUM, findPartnership, SUPPRESSION_FLOOR },
            { appliedSuppression },
          ] = await Promise.all([
            import('../consultations/index.js'),
            import('./analyseStoredConsultation.js'),
            import('../partnerships/index.js'),
            import('./suppression.js'),
          ]);
          const consultation = await loadConsultation(handle.db, id);
          if (!consultation) throw new CliError(`No consultation has the id "${id}". Run: saferplan consultation list`);
          let marginsCsv: string | null = null;
          if (o.weights) {
            try {
              marginsCsv = fs.readFileSync(o.weights, 'utf8');
            } catch {
              throw new CliError(`Cannot read the margins file "${o.weights}"`);
            }
          }
          const filters = Object.fromEntries(
            o.filter.map((f) => {
              const eq = f.indexOf('=');
              if (eq < 1) throw new CliError(`--filter "${f}" must look like code=value`);
              return [f.slice(0, eq), f.slice(eq + 1)];
            }),
          );
          const requested = o.suppressBelow === undefined ? undefined : Number(o.suppressBelow);
          if (requested !== undefined && !(Number.isInteger(requested) && requested >= SUPPRESSION_FLOOR))
            throw new CliError(`--suppress-below must be a whole number of ${SUPPRESSION_FLOOR} or more: smaller groups could identify people`);
          const minimum = (await findPartnership(handle.db, consultation.partnershipId))?.suppressionMinimum ?? DEFAULT_SUPPRESSION_MINIMUM;
          // The command line is the operator's: like an admin it may go under the partnership's minimum, never under the floor.
          const suppressBelow = appliedSuppression({ requested, minimum, mayLower: true });
          const maxWeightRatio = o.maxWeightRatio === undefined ? undefined : Number(o.maxWeightRatio);
          if (maxWeightRatio !== undefined && !(maxWeightRatio > 1)) throw new CliError('--max-weight-ratio must be a number above 1');
          let outcome: Awaited<ReturnType<typeof analyseStoredConsultation>>;
          let crossTab: ReturnType<typeof crossTabWithin> | null = null;
          try {
            outcome = await analyseStoredConsultation({
              handle,
              consultation,
              marginsCsv,
              maxWeightRatio,
              analysis: { filters, benchmarks: o.benchmark.map(parseBenchmark), rules: { suppressBelow } },
            });
            if (outcome.ok && o.crosstab && o.by) crossTab = crossTabWithin(outcome.analysis, consultation.template, o.crosstab, o.by);
          } catch (err) {
            // Loaded only on failure: its error types pull in zod, which `saferplan --help` must not load.
            (await import('./analysisInputError.js')).rethrowAsCliError(err);
            throw err;
          }
          if (!outcome.ok) throw new CliError(`${outcome.error.message}\nNo weights were applied.`);
          if (crossTab) {
            const { result } = outcome.analysis;
            const { crossTabResult } = await import('./crossTabResult.js');
            printJson(crossTabResult(crossTab, { weighted: result.weighted, filters: result.filters, rules: result.rules }));
            return;
          }
          printJson(outcome.analysis.result);
        }),
    );
}
