/**
 * Weighting to population margins: a `variable,value,population` CSV (e.g. Census 2021 age band, sex, ward)
 * raked onto the respondents with the stats core's rake(). Any problem comes back as a RakingError whose
 * message is written for the analyst; then no weights are applied.
 */
import { parse } from 'csv-parse/sync';
import { type CalibrationMargin, encodeMargin, RakingError, type RakingMargin, rake, weightSummary } from '../stats/index.js';
import type { AnalysisWeights } from './analyseConsultation.js';
import { choiceColumn, type ResponseTable } from './responseTable.js';

export type MarginsTable = Map<string, { value: string; population: number }[]>;

/** Parses `variable,value,population` (header required); a bad row is a RakingError naming the line. */
export function parseMargins(csv: string): { ok: true; margins: MarginsTable } | { ok: false; error: RakingError } {
  let rows: string[][];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    return { ok: false, error: new RakingError('INVALID_INPUT', `The margins file is not valid CSV: ${(err as Error).message}`) };
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  if (header.join(',') !== 'variable,value,population') {
    return { ok: false, error: new RakingError('INVALID_INPUT', 'The margins file must start with the header row "variable,value,population".') };
  }
  const margins: MarginsTable = new Map();
  for (let r = 1; r < rows.length; r++) {
    const [variable = '', value = '', population = ''] = rows[r] as string[];
    const p = Number(population);
    if (!variable || !value || population === '' || !Number.isFinite(p)) {
      return {
        ok: false,
        error: new RakingError(
          'INVALID_INPUT',
          `Line ${r + 1} of the margins file needs a variable, a value and a population number (got "${(rows[r] as string[]).join(',')}").`,
        ),
      };
    }
    const list = margins.get(variable) ?? [];
    list.push({ value, population: p });
    margins.set(variable, list);
  }
  if (margins.size === 0) return { ok: false, error: new RakingError('INVALID_INPUT', 'The margins file has no rows after the header.') };
  return { ok: true, margins };
}

/** Rakes every respondent to the margins; weights and the margins' codes for calibration-aware standard errors. */
export function weightsFromMargins(
  table: ResponseTable,
  margins: MarginsTable,
  options: { maxWeightRatio?: number } = {},
): { ok: true; weights: AnalysisWeights } | { ok: false; error: RakingError } {
  const raking: RakingMargin[] = [];
  for (const [variable, population] of margins) {
    const col = choiceColumn(table, variable);
    if (!col) {
      return {
        ok: false,
        error: new RakingError(
          'INVALID_INPUT',
          `The margins name "${variable}", which is not a single-choice question of this survey (use a question code such as age_band, sex or ward).`,
          variable,
        ),
      };
    }
    const answers: (string | null)[] = new Array(col.codes.length);
    for (let i = 0; i < col.codes.length; i++) {
      const k = col.codes[i] as number;
      answers[i] = k >= 0 ? (col.options[k]?.value ?? null) : null;
    }
    const encoded = encodeMargin(variable, answers, population);
    if (!encoded.ok) return encoded;
    raking.push(encoded.margin);
  }
  const result = rake(raking, options.maxWeightRatio ? { trim: { maxWeightRatio: options.maxWeightRatio } } : {});
  if (!result.ok) return result;
  const summary = weightSummary(result.weights);
  const calibration: CalibrationMargin[] = raking.map((m) => ({ codes: m.codes, size: m.totals.length }));
  return {
    ok: true,
    weights: {
      values: result.weights,
      calibration,
      info: {
        variables: raking.map((m) => m.name),
        iterations: result.iterations,
        converged: result.converged,
        maxRelativeMarginError: result.maxRelativeMarginError,
        kishDesignEffect: summary?.kishDesignEffect ?? 1,
        kishEffectiveSampleSize: summary?.kishEffectiveSampleSize ?? table.n,
        minWeight: summary?.min ?? 1,
        maxWeight: summary?.max ?? 1,
        trimming: result.trimming,
      },
    },
  };
}
