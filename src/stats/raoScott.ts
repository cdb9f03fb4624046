import { designAtoms, linearisedCovariance, type SurveyDesign } from './design.js';
import { chiSquareSurvival, fSurvival } from './distributions.js';

export interface RaoScottResult {
  /** 'F': the Rao-Scott F (R's default svychisq); 'Chisq': R reports Pearson's X² itself as the statistic. */
  variant: 'F' | 'Chisq';
  statistic: number;
  /** F variant: numerator and denominator degrees of freedom (non-integer). */
  ndf: number | null;
  ddf: number | null;
  /** Chisq variant: (r-1)(c-1). */
  df: number | null;
  p: number;
  /** Pearson X² of the weighted table rescaled to the number of respondents. */
  pearson: number;
  /** Mean generalised design effect: trace(Δ) / ((r-1)(c-1)). */
  meanDesignEffect: number;
  /** Row and column levels present (codes), in code order. */
  rowLevels: number[];
  columnLevels: number[];
  /** Weighted counts, rowLevels x columnLevels. */
  weightedTable: number[][];
}

/**
 * Rao-Scott corrected chi-square test of independence for a weighted two-way table, for a design from
 * createDesign (independent sampling, optionally raked). Levels are those present among respondents with
 * both answers; respondents missing either are left out (a domain, as svymean(na.rm = TRUE) does).
 * The F variant is the second-order correction: F = X² / tr(Δ), ndf = tr(Δ)² / tr(Δ²), ddf = ndf x the design's
 * degrees of freedom (n - 1 for createDesign's designs).
 *
 * @param rowCodes - each respondent's row level 0..nRowLevels-1 (anything else: missing)
 * @param columnCodes - each respondent's column level 0..nColumnLevels-1 (anything else: missing)
 * @param options - statistic: 'F' (default) or 'Chisq' (the first-order corrected X²)
 * @returns the statistic, its degrees of freedom and p, Pearson's X² and the mean generalised design effect;
 *   a RangeError when fewer than two row or column levels have answers
 * @see R: svychisq(~row + col, design) (statistic = "F") and statistic = "Chisq". Rao, J. N. K. and Scott, A. J.
 *   (1984) Annals of Statistics 12(1), 46-60.
 * @example
 * const design = createDesign([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
 * const rows = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
 * const columns = [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0];
 * raoScottChiSquare(design, rows, 2, columns, 2); // => { statistic: 1.062178, ndf: 1, ddf: 11, p: 0.324847, pearson: 1.2675 }
 * raoScottChiSquare(design, rows, 2, columns, 2, { statistic: 'Chisq' }); // => { statistic: 1.2675, df: 1, p: 0.302719 }
 */
export function raoScottChiSquare(
  design: SurveyDesign,
  rowCodes: ArrayLike<number>,
  nRowLevels: number,
  columnCodes: ArrayLike<number>,
  nColumnLevels: number,
  options: { statistic?: 'F' | 'Chisq' } = {},
): RaoScottResult {
  const variant = options.statistic ?? 'F';
  const { n, nCells, degreesOfFreedom } = design;
  const valid = (v: number, size: number) => v >= 0 && v < size && Number.isInteger(v);
  const rowSeen = new Uint8Array(nRowLevels);
  const colSeen = new Uint8Array(nColumnLevels);
  for (let i = 0; i < n; i++) {
    const r = rowCodes[i] as number;
    const c = columnCodes[i] as number;
    if (valid(r, nRowLevels) && valid(c, nColumnLevels)) {
      rowSeen[r] = 1;
      colSeen[c] = 1;
    }
  }
  const rowLevels = [...rowSeen.keys()].filter((k) => rowSeen[k]);
  const columnLevels = [...colSeen.keys()].filter((k) => colSeen[k]);
  const nr = rowLevels.length;
  const nc = columnLevels.length;
  if (nr < 2 || nc < 2) throw new RangeError('a chi-square test needs at least two row and two column levels with answers');
  const rowIndex = new Int32Array(nRowLevels).fill(-1);
  rowLevels.forEach((k, i) => {
    rowIndex[k] = i;
  });
  const colIndex = new Int32Array(nColumnLevels).fill(-1);
  columnLevels.forEach((k, j) => {
    colIndex[k] = j;
  });
  const T = nr * nc;
  const tableCode = new Int32Array(n);
  let N = 0;
  for (let i = 0; i < n; i++) {
    const r = rowCodes[i] as number;
    const c = columnCodes[i] as number;
    if (valid(r, nRowLevels) && valid(c, nColumnLevels)) {
      tableCode[i] = (rowIndex[r] as number) + nr * (colIndex[c] as number);
      N++;
    } else tableCode[i] = -1;
  }
  const { atoms, sw, sw2 } = designAtoms(design, [{ codes: tableCode, size: T }]);
  const A = atoms.nCells;
  const [atomCell, atomT] = atoms.codes as [Int32Array, Int32Array];
  const tw = new Float64Array(T);
  const tw2 = new Float64Array(T);
  for (let a = 0; a < A; a++) {
    const t = atomT[a] as number;
    tw[t] = (tw[t] as number) + (sw[a] as number);
    tw2[t] = (tw2[t] as number) + (sw2[a] as number);
  }
  const W = tw.reduce((s, v) => s + v, 0);
  const p = tw.map((v) => v / W);

  // Pearson X² on the table rescaled to N (chisq.test(svytable(..., Ntotal = N))).
  const rowSum = new Float64Array(nr);
  const colSum = new Float64Array(nc);
  for (let t = 0; t < T; t++) {
    rowSum[t % nr] = (rowSum[t % nr] as number) + (p[t] as number) * N;
    colSum[Math.floor(t / nr)] = (colSum[Math.floor(t / nr)] as number) + (p[t] as number) * N;
  }
  let pearson = 0;
  for (let t = 0; t < T; t++) {
    const e = ((rowSum[t % nr] as number) * (colSum[Math.floor(t / nr)] as number)) / N;
    const o = (p[t] as number) * N;
    pearson += ((o - e) * (o - e)) / e;
  }

  // Interaction contrasts: residuals of cell indicators on row and column main effects,
  // C[(a,b), (i,j)] = (δ_a,i+1 - 1/nr)(δ_b,j+1 - 1/nc); any basis of that space gives the same Δ eigenvalues.
  const m = (nr - 1) * (nc - 1);
  const C = new Float64Array(T * m);
  for (let t = 0; t < T; t++) {
    const a = t % nr;
    const b = Math.floor(t / nr);
    for (let j = 0; j < nc - 1; j++) {
      for (let i = 0; i < nr - 1; i++) {
        C[t * m + i + (nr - 1) * j] = ((a === i + 1 ? 1 : 0) - 1 / nr) * ((b === j + 1 ? 1 : 0) - 1 / nc);
      }
    }
  }
  // Influence of the contrast statistics C' D⁻¹ p̂ per respondent in table cell t: w (C_t / p_t - s) / W.
  const s = new Float64Array(m);
  for (let t = 0; t < T; t++) if ((p[t] as number) > 0) for (let q = 0; q < m; q++) s[q] = (s[q] as number) + (C[t * m + q] as number);
  const f = new Float64Array(T * m);
  for (let t = 0; t < T; t++) {
    const pt = p[t] as number;
    for (let q = 0; q < m; q++) f[t * m + q] = ((pt > 0 ? (C[t * m + q] as number) / pt : 0) - (s[q] as number)) / W;
  }
  const B0 = new Float64Array(nCells * m);
  const B1 = new Float64Array(nCells * m);
  const B2 = new Float64Array(nCells * m);
  for (let a = 0; a < A; a++) {
    const base = (atomCell[a] as number) * m;
    const ft = (atomT[a] as number) * m;
    const k0 = atoms.count[a] as number;
    const k1 = sw[a] as number;
    const k2 = sw2[a] as number;
    for (let q = 0; q < m; q++) {
      const v = f[ft + q] as number;
      B0[base + q] = (B0[base + q] as number) + k0 * v;
      B1[base + q] = (B1[base + q] as number) + k1 * v;
      B2[base + q] = (B2[base + q] as number) + k2 * v;
    }
  }
  const B3 = new Float64Array(m * m);
  const denom = new Float64Array(m * m);
  for (let t = 0; t < T; t++) {
    const w2 = tw2[t] as number;
    const pt = p[t] as number;
    for (let q = 0; q < m; q++) {
      const fq = f[t * m + q] as number;
      const cq = C[t * m + q] as number;
      for (let r = 0; r < m; r++) {
        B3[q * m + r] = (B3[q * m + r] as number) + w2 * fq * (f[t * m + r] as number);
        if (pt > 0) denom[q * m + r] = (denom[q * m + r] as number) + (cq * (C[t * m + r] as number)) / (pt * N);
      }
    }
  }
  const numr = linearisedCovariance(design, m, B0, B1, B2, B3);
  const delta = solve(denom, numr, m);
  let tr = 0;
  let tr2 = 0;
  for (let q = 0; q < m; q++) {
    tr += delta[q * m + q] as number;
    for (let r = 0; r < m; r++) tr2 += (delta[q * m + r] as number) * (delta[r * m + q] as number);
  }
  const weightedTable = rowLevels.map((_, a) => columnLevels.map((__, b) => tw[a + nr * b] as number));
  const common = { pearson, meanDesignEffect: tr / m, rowLevels, columnLevels, weightedTable };
  if (variant === 'F') {
    const F = pearson / tr;
    const d0 = (tr * tr) / tr2;
    const ddf = d0 * degreesOfFreedom;
    return { variant, statistic: F, ndf: d0, ddf, df: null, p: fSurvival(F, d0, ddf), ...common };
  }
  return { variant, statistic: pearson, ndf: null, ddf: null, df: m, p: chiSquareSurvival(pearson / (tr / m), m), ...common };
}

/** Solves A X = B (A m x m, B m x m, row-major) by Gaussian elimination with partial pivoting. */
function solve(Ain: Float64Array, Bin: Float64Array, m: number): Float64Array {
  const A = Float64Array.from(Ain);
  const B = Float64Array.from(Bin);
  for (let col = 0; col < m; col++) {
    let piv = col;
    let best = Math.abs(A[col * m + col] as number);
    for (let r = col + 1; r < m; r++) {
      const v = Math.abs(A[r * m + col] as number);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (best === 0) throw new RangeError('the table is degenerate: the Rao-Scott design-effect matrix is singular');
    if (piv !== col) {
      for (let k = 0; k < m; k++) {
        const ta = A[col * m + k] as number;
        A[col * m + k] = A[piv * m + k] as number;
        A[piv * m + k] = ta;
        const tb = B[col * m + k] as number;
        B[col * m + k] = B[piv * m + k] as number;
        B[piv * m + k] = tb;
      }
    }
    const d = A[col * m + col] as number;
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const factor = (A[r * m + col] as number) / d;
      if (factor === 0) continue;
      for (let k = col; k < m; k++) A[r * m + k] = (A[r * m + k] as number) - factor * (A[col * m + k] as number);
      for (let k = 0; k < m; k++) B[r * m + k] = (B[r * m + k] as number) - factor * (B[col * m + k] as number);
    }
  }
  for (let r = 0; r < m; r++) {
    const d = A[r * m + r] as number;
    for (let k = 0; k < m; k++) B[r * m + k] = (B[r * m + k] as number) / d;
  }
  return B;
}
