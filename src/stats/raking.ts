import { buildCells } from './cells.js';

/** One margin to rake to: each respondent's category code (0..totals.length-1) and the population per category. */
export interface RakingMargin {
  /** Variable name for messages, e.g. "ward". */
  name: string;
  codes: ArrayLike<number>;
  totals: ArrayLike<number>;
  /** Category labels for messages (labels[k] names code k). */
  labels?: readonly string[];
}

export interface RakingOptions {
  /** Weights before raking (design weights); default 1 each. Must be positive. */
  baseWeights?: ArrayLike<number>;
  /**
   * Stop when every margin is met to this relative error: max over categories of |weighted sum - total| / total.
   * Default 1e-9. (R's rake() instead stops when no cell of the full cross-table moves by more than
   * epsilon x the total weight between sweeps, default maxit 10 and epsilon 1; at convergence both give
   * the same unique raking solution.)
   */
  epsilon?: number;
  /** Maximum sweeps over all margins per raking (default 1000). */
  maxIterations?: number;
  /** Margins' grand totals may differ by this relative amount (default 1e-6) unless rescaleTotals. */
  totalsTolerance?: number;
  /** Scale every margin to the first margin's grand total instead of failing when they differ. */
  rescaleTotals?: boolean;
  /**
   * Cap weights at maxWeightRatio x mean weight: respondents above the cap (by more than tolerance, default
   * 1e-4 relative) are fixed at the cap and the rest re-raked; repeat until nobody exceeds it or maxRounds
   * (default 50) rounds have run.
   */
  trim?: { maxWeightRatio: number; maxRounds?: number; tolerance?: number };
}

export type RakingErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CATEGORY'
  | 'NON_POSITIVE_TOTAL'
  | 'EMPTY_SAMPLE_CATEGORY'
  | 'INCONSISTENT_TOTALS'
  | 'NOT_CONVERGED';

/** Why raking failed; message is written for the analyst. No weights should be applied. */
export class RakingError extends Error {
  override readonly name = 'RakingError';
  constructor(
    readonly code: RakingErrorCode,
    message: string,
    readonly margin?: string,
    readonly category?: string,
  ) {
    super(message);
  }
}

export interface TrimmingReport {
  cap: number;
  rounds: number;
  /** Respondents whose weight is fixed at the cap. */
  trimmedCount: number;
  /** Largest weight / mean weight after the final re-rake. */
  maxWeightRatio: number;
  /** True when no weight exceeds the cap (within tolerance). */
  converged: boolean;
}

export interface RakingSuccess {
  ok: true;
  weights: Float64Array;
  /** Sweeps over all margins (summed over trimming rounds). */
  iterations: number;
  converged: true;
  maxRelativeMarginError: number;
  trimming: TrimmingReport | null;
}

export type RakingResult = RakingSuccess | { ok: false; error: RakingError };

const fail = (code: RakingErrorCode, message: string, margin?: string, category?: string): RakingResult => ({
  ok: false,
  error: new RakingError(code, message, margin, category),
});

function label(m: RakingMargin, k: number): string {
  return m.labels?.[k] ?? String(k);
}

/**
 * Raking (iterative proportional fitting) of weights to population margins. Works on the cells of the
 * margins' cross-classification, so 100,000 respondents cost one pass to build cells and one to write weights.
 * Returns typed errors (never throws for bad margins): unknown or missing category codes, a zero or negative
 * total for a category that has respondents, a category with population but no respondents, margins whose
 * grand totals differ, or no convergence.
 *
 * @param margins - per margin, each respondent's category code and the population per category
 * @param options - base weights, convergence, rescaling of totals and trimming (see RakingOptions)
 * @returns the weights with convergence figures, or { ok: false, error: RakingError } written for the analyst
 * @see R: survey::rake(design, sample.margins, population.margins) (same solution at convergence; see epsilon).
 *   Deming, W. E. and Stephan, F. F. (1940) Annals of Mathematical Statistics 11(4), 427-444.
 * @example
 * // Three cells: (female, 16-44) x1, (female, 45+) x2, (male, 16-44) x1.
 * const sex = { name: 'sex', codes: [0, 0, 0, 1], totals: [60, 40] };
 * const age = { name: 'age', codes: [0, 1, 1, 0], totals: [50, 50] };
 * rake([sex, age]).weights; // => [10.0000, 25.0000, 25.0000, 40.0000]
 * rake([{ name: 'sex', codes: [0, 0], totals: [10, 12] }]).error.code; // => 'EMPTY_SAMPLE_CATEGORY'
 */
export function rake(margins: readonly RakingMargin[], options: RakingOptions = {}): RakingResult {
  const epsilon = options.epsilon ?? 1e-9;
  const maxIterations = options.maxIterations ?? 1000;
  if (margins.length === 0) return fail('INVALID_INPUT', 'Raking needs at least one population margin.');
  const n = margins[0]?.codes.length ?? 0;
  if (n === 0) return fail('INVALID_INPUT', 'There are no respondents to weight.');
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = options.baseWeights ? (options.baseWeights[i] as number) : 1;
    if (!(b > 0 && Number.isFinite(b))) return fail('INVALID_INPUT', `Base weight of respondent ${i + 1} is not a positive number.`);
    base[i] = b;
  }

  // Validate margins against the sample.
  const totals: Float64Array[] = [];
  let grand0 = 0;
  for (const [mi, m] of margins.entries()) {
    if (m.codes.length !== n) return fail('INVALID_INPUT', `Margin "${m.name}" has ${m.codes.length} codes for ${n} respondents.`, m.name);
    const size = m.totals.length;
    const seen = new Float64Array(size);
    for (let i = 0; i < n; i++) {
      const c = m.codes[i] as number;
      if (!(c >= 0 && c < size && Number.isInteger(c))) {
        const what = c === -1 || c === undefined || Number.isNaN(c) ? 'no' : `an unknown (${c})`;
        return fail(
          'UNKNOWN_CATEGORY',
          `Respondent ${i + 1} has ${what} "${m.name}" category that is not in the population margins, so the sample cannot be weighted to them. Add the category to the margins or leave "${m.name}" out of the weighting.`,
          m.name,
          c === -1 || Number.isNaN(c) ? undefined : String(c),
        );
      }
      seen[c] = (seen[c] as number) + 1;
    }
    const t = new Float64Array(size);
    let grand = 0;
    for (let k = 0; k < size; k++) {
      const v = Number(m.totals[k]);
      if (!Number.isFinite(v) || v < 0) {
        return fail(
          'NON_POSITIVE_TOTAL',
          `The population total for "${m.name}" = "${label(m, k)}" is ${v}; totals must be positive.`,
          m.name,
          label(m, k),
        );
      }
      if (v === 0 && (seen[k] as number) > 0) {
        return fail(
          'NON_POSITIVE_TOTAL',
          `The population total for "${m.name}" = "${label(m, k)}" is 0 but ${seen[k]} respondents are in that category.`,
          m.name,
          label(m, k),
        );
      }
      if (v > 0 && (seen[k] as number) === 0) {
        return fail(
          'EMPTY_SAMPLE_CATEGORY',
          `No respondent is in "${m.name}" = "${label(m, k)}" (population ${v}), so that margin cannot be met. Combine the category with a neighbour or leave "${m.name}" out of the weighting.`,
          m.name,
          label(m, k),
        );
      }
      t[k] = v;
      grand += v;
    }
    if (mi === 0) grand0 = grand;
    else if (Math.abs(grand - grand0) > (options.totalsTolerance ?? 1e-6) * grand0) {
      if (!options.rescaleTotals) {
        return fail(
          'INCONSISTENT_TOTALS',
          `The "${m.name}" margin adds up to ${grand} but "${margins[0]?.name}" adds up to ${grand0}; margins must describe the same population (or ask for them to be rescaled).`,
          m.name,
        );
      }
      for (let k = 0; k < size; k++) t[k] = ((t[k] as number) * grand0) / grand;
    }
    totals.push(t);
  }

  const cells = buildCells(
    margins.map((m) => ({ codes: m.codes, size: m.totals.length })),
    n,
  );
  let iterations = 0;
  const first = rakeCells(cells, totals, base, null, 0, epsilon, maxIterations);
  iterations += first.iterations;
  if (!first.converged) return notConverged(maxIterations, first.maxErr, false);
  let weights = first.weights;
  let maxErr = first.maxErr;
  let trimming: TrimmingReport | null = null;
  const trim = options.trim;
  if (trim) {
    if (!(trim.maxWeightRatio > 1)) return fail('INVALID_INPUT', 'The weight cap must be more than 1 x the mean weight.');
    // Trim and re-rake: respondents over the cap are fixed at the cap and the others re-raked to what the
    // margins still need; repeat until nobody else exceeds it. The fixed set only grows, so this ends.
    const maxRounds = trim.maxRounds ?? 50;
    const tolerance = trim.tolerance ?? 1e-4;
    const mean = (totals[0] as Float64Array).reduce((a, b) => a + b, 0) / n;
    const cap = trim.maxWeightRatio * mean;
    const fixed = new Uint8Array(n);
    let trimmedCount = 0;
    let rounds = 0;
    let done = false;
    for (;;) {
      let added = 0;
      for (let i = 0; i < n; i++) {
        if (!fixed[i] && (weights[i] as number) > cap * (1 + tolerance)) {
          fixed[i] = 1;
          added++;
        }
      }
      if (added === 0) {
        done = true;
        break;
      }
      if (rounds >= maxRounds) break;
      rounds++;
      trimmedCount += added;
      const remaining = totals.map((t, m) => {
        const r = Float64Array.from(t);
        const codes = (margins[m] as RakingMargin).codes;
        for (let i = 0; i < n; i++) if (fixed[i]) r[codes[i] as number] = (r[codes[i] as number] as number) - cap;
        return r;
      });
      for (const [m, r] of remaining.entries()) {
        const margin = margins[m] as RakingMargin;
        for (let k = 0; k < r.length; k++) {
          if ((r[k] as number) < -1e-9 * cap) {
            return fail(
              'NOT_CONVERGED',
              `Weights cannot be capped at ${trim.maxWeightRatio} x the mean and still meet the "${margin.name}" = "${label(margin, k)}" margin; use a higher cap.`,
              margin.name,
              label(margin, k),
            );
          }
          if ((r[k] as number) < 1e-9 * cap) r[k] = 0;
        }
      }
      const again = rakeCells(cells, remaining, base, fixed, cap, epsilon, maxIterations);
      iterations += again.iterations;
      if (!again.converged) return notConverged(maxIterations, again.maxErr, true);
      weights = again.weights;
      maxErr = again.maxErr;
    }
    let max = 0;
    for (let i = 0; i < n; i++) if ((weights[i] as number) > max) max = weights[i] as number;
    trimming = { cap, rounds, trimmedCount, maxWeightRatio: max / mean, converged: done };
  }
  return { ok: true, weights, iterations, converged: true, maxRelativeMarginError: maxErr, trimming };
}

/** Σ cell weights by the margin's category, into out. */
function categorySums(code: Int32Array, cellW: Float64Array, out: Float64Array): Float64Array {
  out.fill(0);
  for (let c = 0; c < cellW.length; c++) out[code[c] as number] = (out[code[c] as number] as number) + (cellW[c] as number);
  return out;
}

function notConverged(maxIterations: number, maxErr: number, trimming: boolean): RakingResult {
  return fail(
    'NOT_CONVERGED',
    `Raking did not converge in ${maxIterations} iterations (largest margin error ${(maxErr * 100).toPrecision(3)}%). Some combinations of categories may be missing from the sample; try fewer or coarser margins${trimming ? ' or a higher weight cap' : ''}.`,
  );
}

/**
 * IPF on cells: weights[i] = start[i] x product of the margins' factors for i's categories. Respondents
 * marked in fixed keep weight fixedWeight and take no part (totals must already exclude them).
 */
function rakeCells(
  cells: ReturnType<typeof buildCells>,
  totals: readonly Float64Array[],
  start: Float64Array,
  fixed: Uint8Array | null,
  fixedWeight: number,
  epsilon: number,
  maxIterations: number,
): { weights: Float64Array; iterations: number; converged: boolean; maxErr: number } {
  const { cellOf, nCells, codes } = cells;
  const n = start.length;
  const cellW = new Float64Array(nCells);
  for (let i = 0; i < n; i++) {
    if (fixed?.[i]) continue;
    const c = cellOf[i] as number;
    cellW[c] = (cellW[c] as number) + (start[i] as number);
  }
  const cellStart = Float64Array.from(cellW);
  const sums = totals.map((t) => new Float64Array(t.length));
  let iterations = 0;
  let maxErr = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let m = 0; m < totals.length; m++) {
      const code = codes[m] as Int32Array;
      const t = totals[m] as Float64Array;
      const s = categorySums(code, cellW, sums[m] as Float64Array);
      for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) > 0 ? (t[k] as number) / (s[k] as number) : 0;
      for (let c = 0; c < nCells; c++) cellW[c] = (cellW[c] as number) * (s[code[c] as number] as number);
    }
    maxErr = 0;
    for (let m = 0; m < totals.length; m++) {
      const t = totals[m] as Float64Array;
      const s = categorySums(codes[m] as Int32Array, cellW, sums[m] as Float64Array);
      for (let k = 0; k < s.length; k++) {
        const tk = t[k] as number;
        if (tk > 0) {
          const e = Math.abs((s[k] as number) - tk) / tk;
          if (e > maxErr) maxErr = e;
        }
      }
    }
    if (maxErr < epsilon) {
      converged = true;
      break;
    }
  }
  const factor = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) factor[c] = (cellStart[c] as number) > 0 ? (cellW[c] as number) / (cellStart[c] as number) : 0;
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = fixed?.[i] ? fixedWeight : (start[i] as number) * (factor[cellOf[i] as number] as number);
  return { weights, iterations, converged, maxErr };
}

/**
 * Turns string answers and a `variable,value,population` margin into codes for rake(), or a RakingError
 * naming the first answer that the margin does not cover. Blank answers are errors too: raking needs every
 * respondent's category (impute or drop them first).
 *
 * @param name - the variable, for messages
 * @param answers - each respondent's answer
 * @param population - population per value, in the order that numbers the codes
 * @see R: factor(answers, levels = population$value), which gives NA where this returns an error
 * @example
 * const population = [{ value: 'Foleshill', population: 100 }, { value: 'Earlsdon', population: 200 }];
 * encodeMargin('ward', ['Earlsdon', 'Foleshill', 'Earlsdon'], population).margin; // => { codes: [1, 0, 1], totals: [100, 200] }
 * encodeMargin('ward', ['Henley'], population).error.code; // => 'UNKNOWN_CATEGORY'
 */
export function encodeMargin(
  name: string,
  answers: readonly (string | null | undefined)[],
  population: ReadonlyMap<string, number> | readonly { value: string; population: number }[],
): { ok: true; margin: RakingMargin } | { ok: false; error: RakingError } {
  const entries =
    population instanceof Map
      ? [...population.entries()]
      : (population as readonly { value: string; population: number }[]).map((p) => [p.value, p.population] as const);
  const labels = entries.map(([v]) => v);
  const index = new Map(labels.map((v, k) => [v, k]));
  const codes = new Int32Array(answers.length);
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i];
    const k = a === null || a === undefined ? undefined : index.get(a);
    if (k === undefined) {
      const what = a === null || a === undefined || a === '' ? `no "${name}" answer` : `"${name}" = "${a}"`;
      return {
        ok: false,
        error: new RakingError(
          'UNKNOWN_CATEGORY',
          `Respondent ${i + 1} has ${what}, which the population margins do not cover, so the sample cannot be weighted to them. Add the category to the margins or leave "${name}" out of the weighting.`,
          name,
          a ?? undefined,
        ),
      };
    }
    codes[i] = k;
  }
  return { ok: true, margin: { name, codes, totals: Float64Array.from(entries.map(([, p]) => p)), labels } };
}
