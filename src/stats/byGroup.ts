import { designAtoms, linearisedCovariance, type SurveyDesign } from './design.js';
import { Z95 } from './distributions.js';

/**
 * A design-based estimate, as R's svymean / svyby(..., svymean, deff = TRUE) on the design.
 * deff is R's deff = TRUE: variance over that of simple random sampling WITHOUT replacement from a
 * population of Σw (so it carries the finite population correction 1 - n/Σw); deffReplace is R's
 * deff = "replace" (SRS with replacement). effectiveSampleSize = n / deffReplace.
 */
export interface WeightedEstimate {
  estimate: number;
  se: number;
  /** estimate ± 1.959964 se (R's confint on a svymean). */
  ci95: [number, number];
  deff: number | null;
  deffReplace: number | null;
  effectiveSampleSize: number | null;
}

/** Each respondent's group (codes 0..size-1; anything else is in no group). */
export interface Groups {
  codes: ArrayLike<number>;
  size: number;
}

/** What byGroup hands an estimator for one group: the estimates of its statistics and what they rest on. */
export interface GroupEstimates {
  /** Respondents in the group with a value. */
  n: number;
  /** Σ weights of those respondents. */
  weightedBase: number;
  /** One per statistic. */
  estimates: WeightedEstimate[];
  /** Per statistic: respondents contributing to it, and Σ of their weights. */
  counts: Float64Array;
  weightedCounts: Float64Array;
  /** Covariance of the statistics (statistics x statistics, row-major). */
  covariance: Float64Array;
}

/**
 * A weighted mean of a variable, as R's svymean computes it: each respondent adds a value y (1 for the indicator
 * of a category) to one of `statistics` means, or to none when the answer is missing. A factor with L levels is
 * L means of indicators (the proportions); a numeric answer is one mean. byGroup turns the means into estimates
 * within each group, and result() shapes one group's estimates.
 */
export interface Estimator<T> {
  readonly statistics: number;
  /** Per respondent: the statistic its value counts towards (0..statistics-1); anything else is missing. */
  readonly statisticOf: ArrayLike<number>;
  /** Per respondent: the value; omitted when every value is 1 (indicators of categories). */
  readonly values?: ArrayLike<number>;
  result(group: GroupEstimates): T;
}

/** Estimate ± 1.96 se and the design effects, from the variance v and the element variance s2 of the domain. */
function withDesignEffects(estimate: number, v: number, s2: number, nobs: number, psum: number): WeightedEstimate {
  const se = Math.sqrt(Math.max(0, v));
  const vsrsWor = psum >= nobs && nobs > 1 ? (s2 * (psum - nobs)) / (psum * nobs) : Number.NaN;
  const vsrsWr = nobs > 1 ? s2 / nobs : Number.NaN;
  const deff = vsrsWor > 0 ? v / vsrsWor : null;
  const deffReplace = vsrsWr > 0 ? v / vsrsWr : null;
  return {
    estimate,
    se,
    ci95: [estimate - Z95 * se, estimate + Z95 * se],
    deff,
    deffReplace,
    effectiveSampleSize: deffReplace && deffReplace > 0 ? nobs / deffReplace : null,
  };
}

/**
 * Sums over the respondents of each atom (design cell x group x statistic) of y, w y, w² y, w y² and w² y².
 * Values are centred on their unweighted mean per statistic first (returned as `shift`): the variances are the
 * same, and the sums of squares do not lose digits to a large mean.
 */
function atomValueSums(atomOf: Int32Array, atomCount: number, estimator: Estimator<unknown>, weights: Float64Array) {
  const m = estimator.statistics;
  const values = estimator.values as ArrayLike<number>;
  const statisticOf = estimator.statisticOf;
  const shift = new Float64Array(m);
  const seen = new Float64Array(m);
  for (let i = 0; i < atomOf.length; i++) {
    if ((atomOf[i] as number) < 0) continue;
    const j = statisticOf[i] as number;
    shift[j] = (shift[j] as number) + (values[i] as number);
    seen[j] = (seen[j] as number) + 1;
  }
  for (let j = 0; j < m; j++) if ((seen[j] as number) > 0) shift[j] = (shift[j] as number) / (seen[j] as number);
  const y = new Float64Array(atomCount);
  const wy = new Float64Array(atomCount);
  const w2y = new Float64Array(atomCount);
  const wyy = new Float64Array(atomCount);
  const w2yy = new Float64Array(atomCount);
  for (let i = 0; i < atomOf.length; i++) {
    const a = atomOf[i] as number;
    if (a < 0) continue;
    const w = weights[i] as number;
    const v = (values[i] as number) - (shift[statisticOf[i] as number] as number);
    const wv = w * v;
    y[a] = (y[a] as number) + v;
    wy[a] = (wy[a] as number) + wv;
    w2y[a] = (w2y[a] as number) + w * wv;
    wyy[a] = (wyy[a] as number) + wv * v;
    w2yy[a] = (w2yy[a] as number) + w * wv * v;
  }
  return { shift, y, wy, w2y, wyy, w2yy };
}

/**
 * Runs an estimator within each group, each group a domain of the whole design, with linearised (Taylor)
 * standard errors that account for the calibration (respondents outside a group have zero influence on its
 * estimates, as in R's domain estimation). Groups with nobody get null.
 *
 * @param groups - each respondent's group; use one group (see estimate) for everyone or a domain
 * @param estimator - what to estimate: weightedProportions(codes, nLevels) or weightedMean(values)
 * @returns per group, the estimator's result or null
 * @see R: svyby(~y, ~group, design, svymean, na.rm = TRUE, deff = TRUE) from the survey package. Lumley, T.
 *   (2010) Complex Surveys: A Guide to Analysis Using R, Wiley.
 * @example
 * const design = createDesign([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
 * const groups = { codes: [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0], size: 2 };
 * byGroup(design, groups, weightedProportions([0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0], 2)).map((g) => g.levels[1]);
 * // => [{ estimate: 0.375, se: 0.2237656 }, { estimate: 0.7, se: 0.1987232 }]
 * byGroup(design, groups, weightedMean([3, 5, 2, 8, 1, 4, 6, 7, 5, 3, 2, 9]));
 * // => [{ estimate: 4.875, se: 1.2552447 }, { estimate: 5.2, se: 0.9430319 }]
 */
export function byGroup<T>(design: SurveyDesign, groups: Groups, estimator: Estimator<T>): (T | null)[] {
  const m = estimator.statistics;
  if (groups.codes.length !== design.n || estimator.statisticOf.length !== design.n || (estimator.values && estimator.values.length !== design.n))
    throw new RangeError('groups and values must have one entry per respondent');
  const { atoms, sw, sw2 } = designAtoms(design, [groups, { codes: estimator.statisticOf, size: m }]);
  const [cell, group, statistic] = atoms.codes as [Int32Array, Int32Array, Int32Array];
  // Indicators (no values) are 1: their sums are the atom's count and weight sums.
  const sums = estimator.values
    ? atomValueSums(atoms.cellOf, atoms.nCells, estimator, design.weights)
    : { shift: new Float64Array(m), y: atoms.count, wy: sw, w2y: sw2, wyy: sw, w2yy: sw2 };
  const atomsOf: number[][] = Array.from({ length: groups.size }, () => []);
  for (let a = 0; a < atoms.nCells; a++) (atomsOf[group[a] as number] as number[]).push(a);
  const data: Atoms = { cell, statistic, count: atoms.count, sw, sw2, ...sums };
  return atomsOf.map((list) => (list.length === 0 ? null : estimator.result(groupEstimates(design, m, list, data))));
}

/**
 * Per atom (design cell x group x statistic): its cell and statistic, respondents, Σw and Σw², and Σy, Σwy, Σw²y,
 * Σwy², Σw²y² of the values measured from shift (one per statistic).
 */
interface Atoms {
  cell: Int32Array;
  statistic: Int32Array;
  count: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
  shift: Float64Array;
  y: Float64Array;
  wy: Float64Array;
  w2y: Float64Array;
  wyy: Float64Array;
  w2yy: Float64Array;
}

/**
 * The estimates of one group from its atoms. The influence of respondent i on statistic j is
 * u_ij = (y_ij - θ_j) / W, where y_ij is i's value for its own statistic and 0 for the others.
 */
function groupEstimates(design: SurveyDesign, m: number, list: readonly number[], atoms: Atoms): GroupEstimates {
  // Per statistic: respondents, Σw, and Σwy, Σw²y, Σwy², Σw²y² of their values.
  const counts = new Float64Array(m);
  const weightedCounts = new Float64Array(m);
  const swy = new Float64Array(m);
  const sw2y = new Float64Array(m);
  const swyy = new Float64Array(m);
  const sw2yy = new Float64Array(m);
  let W2 = 0;
  for (const a of list) {
    const j = atoms.statistic[a] as number;
    counts[j] = (counts[j] as number) + (atoms.count[a] as number);
    weightedCounts[j] = (weightedCounts[j] as number) + (atoms.sw[a] as number);
    swy[j] = (swy[j] as number) + (atoms.wy[a] as number);
    sw2y[j] = (sw2y[j] as number) + (atoms.w2y[a] as number);
    swyy[j] = (swyy[j] as number) + (atoms.wyy[a] as number);
    sw2yy[j] = (sw2yy[j] as number) + (atoms.w2yy[a] as number);
    W2 += atoms.sw2[a] as number;
  }
  const nobs = counts.reduce((s, v) => s + v, 0);
  const W = weightedCounts.reduce((s, v) => s + v, 0);
  const theta = swy.map((v) => v / W);
  // Per design cell: Σ u, Σ w u and Σ w² u.
  const B0 = new Float64Array(design.nCells * m);
  const B1 = new Float64Array(design.nCells * m);
  const B2 = new Float64Array(design.nCells * m);
  for (const a of list) {
    const base = (atoms.cell[a] as number) * m;
    const own = base + (atoms.statistic[a] as number);
    const k0 = (atoms.count[a] as number) / W;
    const k1 = (atoms.sw[a] as number) / W;
    const k2 = (atoms.sw2[a] as number) / W;
    for (let j = 0; j < m; j++) {
      const t = theta[j] as number;
      B0[base + j] = (B0[base + j] as number) - k0 * t;
      B1[base + j] = (B1[base + j] as number) - k1 * t;
      B2[base + j] = (B2[base + j] as number) - k2 * t;
    }
    B0[own] = (B0[own] as number) + (atoms.y[a] as number) / W;
    B1[own] = (B1[own] as number) + (atoms.wy[a] as number) / W;
    B2[own] = (B2[own] as number) + (atoms.w2y[a] as number) / W;
  }
  // Σ w² u_j u_k.
  const B3 = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    const tj = theta[j] as number;
    for (let k = 0; k < m; k++) {
      const tk = theta[k] as number;
      const own = j === k ? (sw2yy[j] as number) : 0;
      B3[j * m + k] = (own - tj * (sw2y[k] as number) - tk * (sw2y[j] as number) + tj * tk * W2) / (W * W);
    }
  }
  const covariance = linearisedCovariance(design, m, B0, B1, B2, B3);
  const estimates = Array.from({ length: m }, (_, j) => {
    const t = theta[j] as number;
    const s2 = nobs > 1 ? (((swyy[j] as number) / W - t * t) * nobs) / (nobs - 1) : Number.NaN;
    return withDesignEffects(t + (atoms.shift[j] as number), covariance[j * m + j] as number, s2, nobs, W);
  });
  return { n: nobs, weightedBase: W, estimates, counts, weightedCounts, covariance };
}

/**
 * Runs an estimator over everyone, or over a domain (respondents where domain[i] is truthy): byGroup with one group.
 *
 * @returns the estimator's result, or null when nobody in the domain has a value
 * @see R: svymean(~y, subset(design, domain), na.rm = TRUE, deff = TRUE)
 * @example
 * estimate(createDesign([1, 1, 1, 1]), weightedProportions([1, 0, 0, 1], 2)).levels[1]; // => { estimate: 0.5, se: 0.2886751, deffReplace: 1 }
 * // Weights 1 and 3, answers 2 and 6: mean (2 + 18) / 4 = 5.
 * estimate(createDesign([1, 3]), weightedMean([2, 6])); // => { estimate: 5, se: 1.5, n: 2, weightedBase: 4 }
 * estimate(createDesign([1, 3, 2]), weightedMean([2, 6, 9]), [1, 1, 0]); // => { estimate: 5, n: 2 }
 */
export function estimate<T>(design: SurveyDesign, estimator: Estimator<T>, domain?: ArrayLike<boolean | number>): T | null {
  const codes = new Int32Array(design.n);
  if (domain) for (let i = 0; i < design.n; i++) codes[i] = domain[i] ? 0 : -1;
  return byGroup(design, { codes, size: 1 }, estimator)[0] ?? null;
}
