import { describe, expect, it } from 'vitest';
import { pearsonChiSquare } from './chiSquare.js';
import { createDesign } from './design.js';
import { fSurvival } from './distributions.js';
import { raoScottChiSquare } from './raoScott.js';

// Agreement with R's svychisq is in rFixture.test.ts; these are structural checks.
describe('raoScottChiSquare', () => {
  const rows = [0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0];
  const cols = [0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0];

  it('on equal weights its Pearson part is the unweighted Pearson X²', () => {
    const d = createDesign(new Array(rows.length).fill(1));
    const r = raoScottChiSquare(d, rows, 2, cols, 2, { statistic: 'Chisq' });
    // table: row 0 -> cols 0,1,0,0,1,0 = 4 and 2; row 1 -> 1,1,0,1,1,0 = 2 and 4
    const unweighted = pearsonChiSquare([
      [4, 2],
      [2, 4],
    ]);
    expect(r.pearson).toBeCloseTo(unweighted?.statistic as number, 12);
    expect(r.statistic).toBe(r.pearson);
    expect(r.df).toBe(1);
    expect(r.weightedTable).toEqual([
      [4, 2],
      [2, 4],
    ]);
    const f = raoScottChiSquare(d, rows, 2, cols, 2);
    // 2x2: Δ is 1x1, so ndf = 1 and F = X² / Δ.
    expect(f.ndf).toBeCloseTo(1, 12);
    expect(f.ddf).toBeCloseTo(rows.length - 1, 10);
    expect(f.statistic).toBeCloseTo(f.pearson / f.meanDesignEffect, 12);
  });

  it('takes its denominator degrees of freedom from the design (R: ddf = ndf x degf(design))', () => {
    const d = createDesign([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    expect(d.degreesOfFreedom).toBe(11);
    const unclustered = raoScottChiSquare(d, rows, 2, cols, 2);
    expect(unclustered.ddf).toBeCloseTo((unclustered.ndf as number) * 11, 12);
    // A design with fewer degrees of freedom (say 10 clusters in 2 strata: 8) keeps F and ndf and changes ddf and p.
    const clustered = raoScottChiSquare({ ...d, degreesOfFreedom: 8 }, rows, 2, cols, 2);
    expect(clustered.statistic).toBe(unclustered.statistic);
    expect(clustered.ddf).toBeCloseTo((clustered.ndf as number) * 8, 12);
    expect(clustered.p).toBeCloseTo(fSurvival(clustered.statistic, clustered.ndf as number, clustered.ddf as number), 14);
    expect(clustered.p).toBeGreaterThan(unclustered.p);
  });

  it('uses only levels present, and refuses a table with one level', () => {
    const d = createDesign(new Array(rows.length).fill(1));
    const r = raoScottChiSquare(d, rows, 3, cols, 2);
    expect(r.rowLevels).toEqual([0, 1]);
    expect(() => raoScottChiSquare(d, rows, 2, new Array(rows.length).fill(0), 2)).toThrow(RangeError);
  });
});
