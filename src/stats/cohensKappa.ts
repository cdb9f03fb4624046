/** Two coders' yes/no decisions on the same units: both said yes, only the first, only the second, neither. */
export interface AgreementTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface KappaResult {
  /** Units both coders decided on. */
  n: number;
  /** Observed agreement p_o (0-1); null when n = 0. */
  observed: number | null;
  /** Agreement expected by chance p_e from each coder's own rates (0-1); null when n = 0. */
  expected: number | null;
  /** (p_o - p_e) / (1 - p_e); null when n = 0 or p_e = 1 (both coders gave every unit the same single answer). */
  kappa: number | null;
}

/**
 * Cohen's kappa for two coders over the same units, each unit put in one of k categories: matrix[i][j] counts the
 * units the first coder put in category i and the second in category j.
 *
 * @see R: irr::kappa2(ratings, weight = "unweighted"). Cohen, J. (1960) A coefficient of agreement for nominal scales.
 *   Educational and Psychological Measurement 20(1), 37-46.
 * @example
 * cohensKappaMatrix([[10, 2, 3], [1, 15, 4], [2, 3, 10]]); // => { n: 50, observed: 0.7, expected: 0.34, kappa: 0.5454545 }
 */
export function cohensKappaMatrix(matrix: readonly (readonly number[])[]): KappaResult {
  const k = matrix.length;
  if (matrix.some((row) => row.length !== k)) throw new RangeError('the agreement matrix must be square');
  if (matrix.some((row) => row.some((x) => !(x >= 0) || !Number.isFinite(x)))) throw new RangeError('counts must be finite and not negative');
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = matrix[i]?.[j] ?? 0;
      n += x;
      rows[i] = (rows[i] ?? 0) + x;
      cols[j] = (cols[j] ?? 0) + x;
      if (i === j) agree += x;
    }
  }
  if (n === 0) return { n, observed: null, expected: null, kappa: null };
  const observed = agree / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += ((rows[i] ?? 0) / n) * ((cols[i] ?? 0) / n);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa };
}

/**
 * Cohen's kappa for one theme: whether each of two coders gave it to each unit (a 2x2 table).
 *
 * @see R: irr::kappa2 on the two coders' 0/1 columns.
 * @example
 * cohensKappa({ both: 20, firstOnly: 5, secondOnly: 10, neither: 15 }); // => { n: 50, observed: 0.7, expected: 0.5, kappa: 0.4 }
 */
export function cohensKappa(t: AgreementTable): KappaResult {
  return cohensKappaMatrix([
    [t.both, t.firstOnly],
    [t.secondOnly, t.neither],
  ]);
}

/**
 * The 2x2 table of one theme from each coder's set of units given it, over the units both coded.
 *
 * @example
 * agreementTable(['a', 'b', 'c', 'd'], new Set(['a', 'b']), new Set(['b', 'c'])); // => { both: 1, firstOnly: 1, secondOnly: 1, neither: 1 }
 */
export function agreementTable(units: readonly string[], first: ReadonlySet<string>, second: ReadonlySet<string>): AgreementTable {
  const t = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const u of units) {
    const a = first.has(u);
    const b = second.has(u);
    if (a && b) t.both++;
    else if (a) t.firstOnly++;
    else if (b) t.secondOnly++;
    else t.neither++;
  }
  return t;
}

/**
 * Overall agreement across themes: the themes' 2x2 tables added up (every unit-theme decision counts once) and
 * kappa of the sum, the "pooled kappa" of De Vries et al. (2008).
 *
 * @see De Vries, H. et al. (2008) Using pooled kappa to summarize interrater agreement across many items. Field Methods 20(3), 272-282.
 * @example
 * pooledKappa([{ both: 20, firstOnly: 5, secondOnly: 10, neither: 15 }, { both: 5, firstOnly: 5, secondOnly: 0, neither: 40 }]);
 * // => { n: 100, observed: 0.8, expected: 0.545, kappa: 0.5604396 }
 */
export function pooledKappa(tables: readonly AgreementTable[]): KappaResult {
  const sum = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const t of tables) {
    sum.both += t.both;
    sum.firstOnly += t.firstOnly;
    sum.secondOnly += t.secondOnly;
    sum.neither += t.neither;
  }
  return cohensKappa(sum);
}
