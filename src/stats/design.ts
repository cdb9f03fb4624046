import { buildCells, type Cells } from './cells.js';

/**
 * A survey design for linearised (Taylor) variance, as R's survey package builds with
 * svydesign(ids = ~1, weights = ...) (independent sampling, no strata or fpc), optionally followed by
 * rake() on calibration margins. Respondents are grouped into the cells of the margins'
 * cross-classification so variance calculations cost O(cells), not O(respondents), after one pass.
 */
export interface SurveyDesign {
  readonly n: number;
  /**
   * Design degrees of freedom, as R's degf(design): primary sampling units minus strata, so n - 1 for this
   * unclustered, unstratified design. Tests that refer to a t or F distribution (Rao-Scott's ddf) take it from here.
   */
  readonly degreesOfFreedom: number;
  /** Final (e.g. raked) weights, all positive. */
  readonly weights: Float64Array;
  /** Cell of each respondent in the calibration margins' cross-classification (one cell when uncalibrated). */
  readonly cellOf: Int32Array;
  readonly nCells: number;
  /** Per calibration margin: the margin's category of each cell, and respondents per category. */
  readonly margins: readonly { cellCodes: Int32Array; categoryCount: Float64Array }[];
  readonly cellCount: Float64Array;
  readonly cellWeight: Float64Array;
  readonly cellWeight2: Float64Array;
  /**
   * Sweeps of projecting influence values on the margins (R's svyrecvar does exactly 10 for a raked
   * design rather than iterating to convergence; the default matches it).
   */
  readonly projectionIterations: number;
}

export interface CalibrationMargin {
  codes: ArrayLike<number>;
  /** Number of categories (codes are 0..size-1). */
  size: number;
}

/**
 * Builds a design from final weights and the calibration margins the weights were raked to (none for a
 * design that is only weighted). Throws RangeError on non-positive weights or missing codes: these are
 * programming errors once rake() has succeeded.
 *
 * @param weights - one positive weight per respondent (at least two respondents)
 * @param calibrationMargins - each raking margin's category codes, so standard errors account for calibration
 * @param options - projectionIterations: sweeps of the calibration projection (default 10, as R)
 * @see R: rake(svydesign(ids = ~1, weights = ~w, data), ...) from the survey package. Lumley, T. (2004)
 *   Analysis of complex survey samples. Journal of Statistical Software 9(8).
 * @example
 * createDesign([1, 2, 1, 2]); // => { n: 4, degreesOfFreedom: 3, nCells: 1 }
 * createDesign([10, 25, 25, 40], [{ codes: [0, 0, 0, 1], size: 2 }, { codes: [0, 1, 1, 0], size: 2 }]); // => { n: 4, nCells: 3 }
 */
export function createDesign(
  weights: ArrayLike<number>,
  calibrationMargins: readonly CalibrationMargin[] = [],
  options: { projectionIterations?: number } = {},
): SurveyDesign {
  const n = weights.length;
  if (n < 2) throw new RangeError('a design needs at least two respondents');
  const w = Float64Array.from(weights as ArrayLike<number>);
  for (let i = 0; i < n; i++) if (!((w[i] as number) > 0)) throw new RangeError(`weight ${i + 1} is not positive`);
  const cells = buildCells(calibrationMargins, n);
  for (let i = 0; i < n; i++)
    if ((cells.cellOf[i] as number) < 0) throw new RangeError(`respondent ${i + 1} has no category on a calibration margin`);
  const cellWeight = new Float64Array(cells.nCells);
  const cellWeight2 = new Float64Array(cells.nCells);
  for (let i = 0; i < n; i++) {
    const c = cells.cellOf[i] as number;
    const wi = w[i] as number;
    cellWeight[c] = (cellWeight[c] as number) + wi;
    cellWeight2[c] = (cellWeight2[c] as number) + wi * wi;
  }
  const margins = calibrationMargins.map((m, v) => {
    const cellCodes = cells.codes[v] as Int32Array;
    const categoryCount = new Float64Array(m.size);
    for (let c = 0; c < cells.nCells; c++)
      categoryCount[cellCodes[c] as number] = (categoryCount[cellCodes[c] as number] as number) + (cells.count[c] as number);
    return { cellCodes, categoryCount };
  });
  return {
    n,
    degreesOfFreedom: n - 1,
    weights: w,
    cellOf: cells.cellOf,
    nCells: cells.nCells,
    margins,
    cellCount: cells.count,
    cellWeight,
    cellWeight2,
    projectionIterations: options.projectionIterations ?? 10,
  };
}

/**
 * Covariance of m linearised statistics. Each statistic's influence value for respondent i is
 * x_ij = w_i u_ij; callers pass per-cell sums of u (B0: Σu, B1: Σwu, B2: Σw²u, each nCells x m, cell-major)
 * and B3 = Σ_i w_i² u_ij u_ij' (m x m). Reproduces survey:::svyrecvar for a raked design: for each of
 * projectionIterations sweeps and each margin, x <- x - w * ave(x / w, margin) (so u loses its unweighted
 * mean within each category), then the with-replacement single-stage variance n/(n-1) Σ (x_i - x̄)(x_i - x̄)'.
 * Since each sweep subtracts a function of the cell, u_ij - h_j(cell) is tracked on cells only.
 */
export function linearisedCovariance(
  design: SurveyDesign,
  m: number,
  B0: Float64Array,
  B1: Float64Array,
  B2: Float64Array,
  B3: Float64Array,
): Float64Array {
  const { nCells, cellCount, cellWeight, cellWeight2, margins, n } = design;
  const h = new Float64Array(nCells * m);
  if (margins.length > 0) {
    for (let it = 0; it < design.projectionIterations; it++) {
      for (const margin of margins) {
        const { cellCodes, categoryCount } = margin;
        const K = categoryCount.length;
        const a = new Float64Array(K * m);
        for (let c = 0; c < nCells; c++) {
          const k = cellCodes[c] as number;
          const cnt = cellCount[c] as number;
          for (let j = 0; j < m; j++) {
            const idx = c * m + j;
            a[k * m + j] = (a[k * m + j] as number) + (B0[idx] as number) - cnt * (h[idx] as number);
          }
        }
        for (let k = 0; k < K; k++) {
          const cnt = categoryCount[k] as number;
          if (cnt > 0) for (let j = 0; j < m; j++) a[k * m + j] = (a[k * m + j] as number) / cnt;
        }
        for (let c = 0; c < nCells; c++) {
          const k = cellCodes[c] as number;
          for (let j = 0; j < m; j++) h[c * m + j] = (h[c * m + j] as number) + (a[k * m + j] as number);
        }
      }
    }
  }
  // Σx_j and Σx_j x_j'.
  const sx = new Float64Array(m);
  const sxx = Float64Array.from(B3);
  for (let c = 0; c < nCells; c++) {
    const sw = cellWeight[c] as number;
    const sw2 = cellWeight2[c] as number;
    const base = c * m;
    for (let j = 0; j < m; j++) {
      const hj = h[base + j] as number;
      sx[j] = (sx[j] as number) + (B1[base + j] as number) - hj * sw;
      for (let l = 0; l < m; l++) {
        const hl = h[base + l] as number;
        sxx[j * m + l] = (sxx[j * m + l] as number) - hj * (B2[base + l] as number) - hl * (B2[base + j] as number) + hj * hl * sw2;
      }
    }
  }
  const v = new Float64Array(m * m);
  const scale = n / (n - 1);
  for (let j = 0; j < m; j++) {
    for (let l = 0; l < m; l++) v[j * m + l] = scale * ((sxx[j * m + l] as number) - ((sx[j] as number) * (sx[l] as number)) / n);
  }
  return v;
}

/**
 * Groups respondents by design cell and further codes (e.g. group and answer level); respondents with a
 * missing code are left out. Returns the groups ("atoms") with their weight and squared-weight sums.
 */
export function designAtoms(
  design: SurveyDesign,
  variables: readonly { codes: ArrayLike<number>; size: number }[],
): { atoms: Cells; sw: Float64Array; sw2: Float64Array } {
  const { n, weights } = design;
  const atoms = buildCells([{ codes: design.cellOf, size: design.nCells }, ...variables], n);
  const sw = new Float64Array(atoms.nCells);
  const sw2 = new Float64Array(atoms.nCells);
  for (let i = 0; i < n; i++) {
    const a = atoms.cellOf[i] as number;
    if (a < 0) continue;
    const w = weights[i] as number;
    sw[a] = (sw[a] as number) + w;
    sw2[a] = (sw2[a] as number) + w * w;
  }
  return { atoms, sw, sw2 };
}
