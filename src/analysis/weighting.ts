/**
 * Weighting to population margins: a `variable,value,population` CSV (e.g. Census 2021 age band, sex, ward)
 * raked onto the respondents with the stats core's rake(). Variables are question codes and values option codes or
 * labels, both matched without regard to case. Respondents who did not state a weighting variable (blank, "prefer not
 * to say" or another non-substantive answer the margins do not list) form their own category whose population share
 * is their share of the sample; the stated categories share the rest in the margins' proportions (docs/analysis.md,
 * "Weighting"). Any other problem comes back as a RakingError whose message is written for the analyst; then no
 * weights are applied.
 */
import { parse } from 'csv-parse/sync';
import { type CalibrationMargin, RakingError, type RakingMargin, rake, weightSummary } from '../stats/index.js';
import type { SurveyOption } from '../surveys/index.js';
import type { AnalysisWeights } from './analyseConsultation.js';
import { type ChoiceColumn, choiceColumn, type ResponseTable } from './responseTable.js';

export type MarginsTable = Map<string, { value: string; population: number }[]>;

/** The label of the category respondents who did not state a weighting variable are raked in. */
export const NOT_STATED_LABEL = 'Not stated';

/** Parses `variable,value,population` (header required); a bad row is a RakingError naming the line. */
export function parseMargins(csv: string): { ok: true; margins: MarginsTable } | { ok: false; error: RakingError } {
  let rows: string[][];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
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
    const p = Number(population.replace(/,/g, ''));
    if (variable && !value) {
      return invalid(
        `Line ${r + 1} of the margins file gives no value for "${variable}". Respondents who did not answer need no line: they are weighted in a "${NOT_STATED_LABEL}" group at their share of the sample.`,
      );
    }
    if (!variable || population === '' || !Number.isFinite(p)) {
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

/** One margin matched to the survey: its question's column and, per category in the margins' order, the option it is. */
export interface ResolvedMargin {
  /** The question code (as the survey spells it). */
  variable: string;
  column: ChoiceColumn;
  categories: { option: number; value: string; label: string; population: number }[];
}

const folded = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const describeOption = (o: SurveyOption) => (folded(o.value) === folded(o.label) ? o.value : `${o.value} ("${o.label}")`);
const invalid = (message: string, margin?: string) => ({ ok: false as const, error: new RakingError('INVALID_INPUT', message, margin) });

/** The question a margin's variable names: its code, in any case. */
function columnFor(table: ResponseTable, variable: string): ChoiceColumn | undefined {
  const exact = choiceColumn(table, variable);
  if (exact) return exact;
  const wanted = folded(variable);
  if (wanted === 'channel') return table.channel;
  const found = table.columns.find((c) => c.kind === 'choice' && folded(c.column.code) === wanted);
  return found?.kind === 'choice' ? found : undefined;
}

/**
 * Matches each margin to its question and each value to an option by code or label, in any case. An unknown
 * variable or value, or two values for one option, is a RakingError naming it and what is allowed.
 */
export function resolveMargins(
  table: ResponseTable,
  margins: MarginsTable,
): { ok: true; margins: ResolvedMargin[] } | { ok: false; error: RakingError } {
  const resolved: ResolvedMargin[] = [];
  for (const [name, population] of margins) {
    const column = columnFor(table, name);
    if (!column) {
      return invalid(
        `The margins name "${name}", which is not a single-choice question of this survey (use a question code such as age_band, sex or ward).`,
        name,
      );
    }
    const variable = column.column.code;
    // "Sex" and "sex" are the same variable: their lines are one margin.
    let margin = resolved.find((m) => m.variable === variable);
    if (!margin) {
      margin = { variable, column, categories: [] };
      resolved.push(margin);
    }
    const { categories } = margin;
    for (const p of population) {
      const wanted = folded(p.value);
      const option = column.options.findIndex((o) => folded(o.value) === wanted || folded(o.label) === wanted);
      const o = column.options[option];
      if (!o) {
        return invalid(
          `The margins give "${variable}" = "${p.value}", which is not an answer to "${variable}". Use one of these codes or labels: ${column.options.map(describeOption).join(', ')}.`,
          variable,
        );
      }
      const twice = categories.find((c) => c.option === option);
      if (twice) return invalid(`The margins give "${variable}" = "${o.label}" twice (as "${twice.value}" and "${p.value}").`, variable);
      categories.push({ option, value: o.value, label: o.label, population: p.population });
    }
  }
  return { ok: true, margins: resolved };
}

/**
 * A margin as rake() takes it. Respondents outside the margins' categories who did not state the variable (blank,
 * a non-substantive answer such as "prefer not to say", or an answer no longer on the survey) form one more
 * category, "Not stated", with population total × (their number / n); the stated categories keep their proportions
 * of the rest, total × (n − not stated) / n. A substantive answer the margins leave out is a RakingError.
 */
export function encodeResolvedMargin(
  margin: ResolvedMargin,
  n: number,
): { ok: true; margin: RakingMargin; notStated: number } | { ok: false; error: RakingError } {
  const { column, categories, variable } = margin;
  const K = categories.length;
  const categoryOf = new Int32Array(column.options.length).fill(-1);
  categories.forEach((c, k) => {
    categoryOf[c.option] = k;
  });
  const codes = new Int32Array(n);
  const uncovered = new Float64Array(column.options.length);
  let notStated = 0;
  for (let i = 0; i < n; i++) {
    const answer = column.codes[i] as number;
    const k = answer >= 0 ? (categoryOf[answer] as number) : -1;
    if (k >= 0) codes[i] = k;
    else if (answer < 0 || column.options[answer]?.nonSubstantive) {
      codes[i] = K;
      notStated++;
    } else uncovered[answer] = (uncovered[answer] as number) + 1;
  }
  const missing = column.options.flatMap((o, k) => ((uncovered[k] as number) > 0 ? [`"${o.label}" (${o.value}, ${uncovered[k]} respondents)`] : []));
  if (missing.length > 0) {
    return {
      ok: false,
      error: new RakingError(
        'UNKNOWN_CATEGORY',
        `The margins for "${variable}" do not cover ${missing.join(' and ')}, so the sample cannot be weighted to them. Add the category to the margins or leave "${variable}" out of the weighting.`,
        variable,
      ),
    };
  }
  if (notStated === n)
    return invalid(`No respondent gave an answer to "${variable}" that the margins cover, so "${variable}" cannot be weighted to.`, variable);
  const grand = categories.reduce((s, c) => s + c.population, 0);
  const stated = (n - notStated) / n;
  const totals = categories.map((c) => c.population * stated);
  const labels = categories.map((c) => c.label);
  if (notStated > 0) {
    totals.push((grand * notStated) / n);
    labels.push(NOT_STATED_LABEL);
  }
  return { ok: true, margin: { name: variable, codes, totals: Float64Array.from(totals), labels }, notStated };
}

/** Rakes every respondent to the margins; weights and the margins' codes for calibration-aware standard errors. */
export function weightsFromMargins(
  table: ResponseTable,
  margins: MarginsTable,
  options: { maxWeightRatio?: number } = {},
): { ok: true; weights: AnalysisWeights } | { ok: false; error: RakingError } {
  const resolved = resolveMargins(table, margins);
  if (!resolved.ok) return resolved;
  const raking: RakingMargin[] = [];
  const notStated: Record<string, number> = {};
  for (const margin of resolved.margins) {
    const encoded = encodeResolvedMargin(margin, table.n);
    if (!encoded.ok) return encoded;
    raking.push(encoded.margin);
    notStated[margin.variable] = encoded.notStated;
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
        notStated,
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
