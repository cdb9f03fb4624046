import { buildCells } from './cells.js';
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

export interface WeightedLevel extends WeightedEstimate {
  /** Respondents giving this answer (unweighted). */
  count: number;
  /** Σ weights of those respondents. */
  weightedCount: number;
}

export interface WeightedProportions {
  /** Respondents in the base (the domain, excluding missing answers). */
  n: number;
  /** Σ weights in the base. */
  weightedBase: number;
  /** One per level code 0..nLevels-1; estimate is a proportion (0-1). */
  levels: WeightedLevel[];
  /** Covariance of the level proportions (nLevels x nLevels, row-major). */
  covariance: Float64Array;
}

export interface WeightedMean extends WeightedEstimate {
  n: number;
  weightedBase: number;
}

function atomsByGroup(atomGroup: Int32Array, nGroups: number): number[][] {
  const byGroup: number[][] = Array.from({ length: nGroups }, () => []);
  for (let a = 0; a < atomGroup.length; a++) (byGroup[atomGroup[a] as number] as number[]).push(a);
  return byGroup;
}

function isCode(v: number, size: number): boolean {
  return v >= 0 && v < size && Number.isInteger(v);
}

function finish(estimate: number, v: number, s2: number, nobs: number, psum: number): WeightedEstimate {
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
 * Proportions of a categorical answer (codes 0..nLevels-1; anything else is missing and left out of the base)
 * within each group (group codes 0..nGroups-1; anything else is in no group), with linearised standard errors
 * that treat each group as a domain of the whole design. Groups with nobody get null.
 *
 * @see R: svyby(~factor(y), ~group, design, svymean, na.rm = TRUE, deff = TRUE)
 * @example
 * const design = createDesign([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
 * const answers = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
 * const groups = [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0];
 * weightedProportionsByGroup(design, answers, 2, groups, 2).map((g) => g.levels[1]);
 * // => [{ estimate: 0.375, se: 0.2237656 }, { estimate: 0.7, se: 0.1987232 }]
 */
export function weightedProportionsByGroup(
  design: SurveyDesign,
  codes: ArrayLike<number>,
  nLevels: number,
  groupCodes: ArrayLike<number>,
  nGroups: number,
): (WeightedProportions | null)[] {
  const { n, nCells } = design;
  if (codes.length !== n || groupCodes.length !== n) throw new RangeError('codes must have one entry per respondent');
  const { atoms, sw, sw2 } = designAtoms(design, [
    { codes: groupCodes, size: nGroups },
    { codes, size: nLevels },
  ]);
  const [atomCell, atomGroup, atomLevel] = atoms.codes as [Int32Array, Int32Array, Int32Array];
  const byGroup = atomsByGroup(atomGroup, nGroups);

  const L = nLevels;
  return byGroup.map((list) => {
    if (list.length === 0) return null;
    const cnt = new Float64Array(L);
    const wl = new Float64Array(L);
    const w2l = new Float64Array(L);
    for (const a of list) {
      const l = atomLevel[a] as number;
      cnt[l] = (cnt[l] as number) + (atoms.count[a] as number);
      wl[l] = (wl[l] as number) + (sw[a] as number);
      w2l[l] = (w2l[l] as number) + (sw2[a] as number);
    }
    const nobs = cnt.reduce((s, v) => s + v, 0);
    const W = wl.reduce((s, v) => s + v, 0);
    const p = wl.map((v) => v / W);
    const B0 = new Float64Array(nCells * L);
    const B1 = new Float64Array(nCells * L);
    const B2 = new Float64Array(nCells * L);
    for (const a of list) {
      const base = (atomCell[a] as number) * L;
      const l = atomLevel[a] as number;
      const k0 = (atoms.count[a] as number) / W;
      const k1 = (sw[a] as number) / W;
      const k2 = (sw2[a] as number) / W;
      for (let j = 0; j < L; j++) {
        const u = (j === l ? 1 : 0) - (p[j] as number);
        B0[base + j] = (B0[base + j] as number) + u * k0;
        B1[base + j] = (B1[base + j] as number) + u * k1;
        B2[base + j] = (B2[base + j] as number) + u * k2;
      }
    }
    const B3 = new Float64Array(L * L);
    for (let l = 0; l < L; l++) {
      const s = (w2l[l] as number) / (W * W);
      if (s === 0) continue;
      for (let j = 0; j < L; j++) {
        const uj = (j === l ? 1 : 0) - (p[j] as number);
        for (let k = 0; k < L; k++) B3[j * L + k] = (B3[j * L + k] as number) + s * uj * ((k === l ? 1 : 0) - (p[k] as number));
      }
    }
    const covariance = linearisedCovariance(design, L, B0, B1, B2, B3);
    const levels = Array.from({ length: L }, (_, j): WeightedLevel => {
      const pj = p[j] as number;
      const s2 = nobs > 1 ? (pj * (1 - pj) * nobs) / (nobs - 1) : Number.NaN;
      return { ...finish(pj, covariance[j * L + j] as number, s2, nobs, W), count: cnt[j] as number, weightedCount: wl[j] as number };
    });
    return { n: nobs, weightedBase: W, levels, covariance };
  });
}

/**
 * Proportions of a categorical answer over everyone, or over a domain (respondents where domain[i] is truthy),
 * with linearised standard errors, design effects and effective sample sizes.
 *
 * @returns the base, each level's estimate (0-1) and their covariance; null when nobody answered
 * @see R: svymean(~factor(y), design, na.rm = TRUE, deff = TRUE)
 * @example
 * weightedProportions(createDesign([1, 1, 1, 1]), [1, 0, 0, 1], 2).levels[1]; // => { estimate: 0.5, se: 0.2886751, deffReplace: 1 }
 */
export function weightedProportions(
  design: SurveyDesign,
  codes: ArrayLike<number>,
  nLevels: number,
  domain?: ArrayLike<boolean | number>,
): WeightedProportions | null {
  return weightedProportionsByGroup(design, codes, nLevels, domainCodes(design.n, domain), 1)[0] ?? null;
}

function domainCodes(n: number, domain?: ArrayLike<boolean | number>): Int32Array {
  const g = new Int32Array(n);
  if (domain) for (let i = 0; i < n; i++) g[i] = domain[i] ? 0 : -1;
  return g;
}

/**
 * Means of a numeric answer (NaN = missing, left out) within each group, each group a domain of the design.
 * Groups with nobody get null.
 *
 * @see R: svyby(~y, ~group, design, svymean, na.rm = TRUE, deff = TRUE)
 * @example
 * const design = createDesign([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
 * const values = [3, 5, 2, 8, 1, 4, 6, 7, 5, 3, 2, 9];
 * weightedMeanByGroup(design, values, [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0], 2);
 * // => [{ estimate: 4.875, se: 1.2552447 }, { estimate: 5.2, se: 0.9430319 }]
 */
export function weightedMeanByGroup(
  design: SurveyDesign,
  values: ArrayLike<number>,
  groupCodes: ArrayLike<number>,
  nGroups: number,
): (WeightedMean | null)[] {
  const { n, weights, nCells } = design;
  if (values.length !== n || groupCodes.length !== n) throw new RangeError('values must have one entry per respondent');
  const inGroup = new Int32Array(n);
  const gw = new Float64Array(nGroups);
  const gwy = new Float64Array(nGroups);
  const gn = new Float64Array(nGroups);
  for (let i = 0; i < n; i++) {
    const g = groupCodes[i] as number;
    const y = values[i] as number;
    if (!isCode(g, nGroups) || Number.isNaN(y)) {
      inGroup[i] = -1;
      continue;
    }
    inGroup[i] = g;
    const w = weights[i] as number;
    gw[g] = (gw[g] as number) + w;
    gwy[g] = (gwy[g] as number) + w * y;
    gn[g] = (gn[g] as number) + 1;
  }
  const mean = gwy.map((s, g) => s / (gw[g] as number));
  const atoms = buildCells(
    [
      { codes: design.cellOf, size: nCells },
      { codes: inGroup, size: nGroups },
    ],
    n,
  );
  const A = atoms.nCells;
  const sd = new Float64Array(A);
  const swd = new Float64Array(A);
  const sw2d = new Float64Array(A);
  const sw2d2 = new Float64Array(A);
  const swd2 = new Float64Array(A);
  for (let i = 0; i < n; i++) {
    const a = atoms.cellOf[i] as number;
    if (a < 0) continue;
    const w = weights[i] as number;
    const d = (values[i] as number) - (mean[inGroup[i] as number] as number);
    sd[a] = (sd[a] as number) + d;
    swd[a] = (swd[a] as number) + w * d;
    sw2d[a] = (sw2d[a] as number) + w * w * d;
    sw2d2[a] = (sw2d2[a] as number) + w * w * d * d;
    swd2[a] = (swd2[a] as number) + w * d * d;
  }
  const [atomCell, atomGroup] = atoms.codes as [Int32Array, Int32Array];
  const byGroup = atomsByGroup(atomGroup, nGroups);
  return byGroup.map((list, g) => {
    if (list.length === 0) return null;
    const W = gw[g] as number;
    const nobs = gn[g] as number;
    const B0 = new Float64Array(nCells);
    const B1 = new Float64Array(nCells);
    const B2 = new Float64Array(nCells);
    let B3 = 0;
    let ss = 0;
    for (const a of list) {
      const c = atomCell[a] as number;
      B0[c] = (B0[c] as number) + (sd[a] as number) / W;
      B1[c] = (B1[c] as number) + (swd[a] as number) / W;
      B2[c] = (B2[c] as number) + (sw2d[a] as number) / W;
      B3 += (sw2d2[a] as number) / (W * W);
      ss += swd2[a] as number;
    }
    const v = linearisedCovariance(design, 1, B0, B1, B2, Float64Array.of(B3))[0] as number;
    const s2 = nobs > 1 ? ((ss / W) * nobs) / (nobs - 1) : Number.NaN;
    return { ...finish(mean[g] as number, v, s2, nobs, W), n: nobs, weightedBase: W };
  });
}

/**
 * Mean of a numeric answer (NaN = missing, left out) over everyone or a domain, with its linearised standard error.
 *
 * @returns the estimate with its base; null when nobody answered
 * @see R: svymean(~y, design, na.rm = TRUE, deff = TRUE)
 * @example
 * // Weights 1 and 3, answers 2 and 6: mean (2 + 18) / 4 = 5.
 * weightedMean(createDesign([1, 3]), [2, 6]); // => { estimate: 5, se: 1.5, n: 2, weightedBase: 4 }
 */
export function weightedMean(design: SurveyDesign, values: ArrayLike<number>, domain?: ArrayLike<boolean | number>): WeightedMean | null {
  return weightedMeanByGroup(design, values, domainCodes(design.n, domain), 1)[0] ?? null;
}
