import { describe, expect, it } from 'vitest';
import { agreementTable, cohensKappa, cohensKappaMatrix, pooledKappa } from './cohensKappa.js';

describe("Cohen's kappa", () => {
  it('matches a 2x2 table worked by hand: p_o = 35/50, p_e = (25·30 + 25·20)/50² = 0.5, kappa = 0.2/0.5', () => {
    const r = cohensKappa({ both: 20, firstOnly: 5, secondOnly: 10, neither: 15 });
    expect(r.n).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('matches a 3x3 table worked by hand: p_o = 35/50, p_e = (15·13 + 20·20 + 15·17)/2500 = 0.34, kappa = 0.36/0.66 = 6/11', () => {
    const r = cohensKappaMatrix([
      [10, 2, 3],
      [1, 15, 4],
      [2, 3, 10],
    ]);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.34, 12);
    expect(r.kappa).toBeCloseTo(6 / 11, 12);
  });

  it('is 1 for perfect agreement, 0 for agreement at chance, negative for less', () => {
    expect(cohensKappa({ both: 7, firstOnly: 0, secondOnly: 0, neither: 3 }).kappa).toBeCloseTo(1, 12);
    // Each coder says yes half the time, independently: p_o = p_e = 0.5.
    expect(cohensKappa({ both: 5, firstOnly: 5, secondOnly: 5, neither: 5 }).kappa).toBeCloseTo(0, 12);
    // Never agreeing: p_o = 0, p_e = 0.5, kappa = -1.
    expect(cohensKappa({ both: 0, firstOnly: 5, secondOnly: 5, neither: 0 }).kappa).toBeCloseTo(-1, 12);
  });

  it('has no kappa when there is nothing to compare or chance agreement is certain', () => {
    expect(cohensKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toEqual({ n: 0, observed: null, expected: null, kappa: null });
    // Both coders said "no" to every unit: p_o = p_e = 1, kappa undefined (R gives NaN).
    expect(cohensKappa({ both: 0, firstOnly: 0, secondOnly: 0, neither: 9 })).toEqual({ n: 9, observed: 1, expected: 1, kappa: null });
  });

  it('refuses a table that is not square or has negative counts', () => {
    expect(() => cohensKappaMatrix([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      cohensKappaMatrix([
        [1, -1],
        [0, 1],
      ]),
    ).toThrow(RangeError);
  });

  it('builds a theme’s table from each coder’s units', () => {
    expect(agreementTable(['a', 'b', 'c', 'd', 'e'], new Set(['a', 'b', 'x']), new Set(['b', 'c']))).toEqual({
      both: 1,
      firstOnly: 1,
      secondOnly: 1,
      neither: 2,
    });
  });

  it('pools themes by adding their tables: 25, 10, 10, 55 gives p_e = 0.35² + 0.65² = 0.545 and kappa = 0.255/0.455', () => {
    const r = pooledKappa([
      { both: 20, firstOnly: 5, secondOnly: 10, neither: 15 },
      { both: 5, firstOnly: 5, secondOnly: 0, neither: 40 },
    ]);
    expect(r.n).toBe(100);
    expect(r.observed).toBeCloseTo(0.8, 12);
    expect(r.expected).toBeCloseTo(0.545, 12);
    expect(r.kappa).toBeCloseTo(0.255 / 0.455, 12);
  });
});
