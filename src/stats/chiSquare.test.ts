import { describe, expect, it } from 'vitest';
import { readJsonFixture, relativeError } from '../../test-support/rFixtures.js';
import { pearsonChiSquare } from './chiSquare.js';

interface Unweighted {
  pearson: { table: number[][]; result: { statistic: number; parameter: { df: number }; p: number }; expectedMin: number };
}

describe('pearsonChiSquare', () => {
  it('computes a 2x2 by hand: [[10, 20], [30, 40]]', () => {
    const r = pearsonChiSquare([
      [10, 20],
      [30, 40],
    ]);
    // expected 12, 18, 28, 42: X² = 4/12 + 4/18 + 4/28 + 4/42
    expect(r?.statistic).toBeCloseTo(4 / 12 + 4 / 18 + 4 / 28 + 4 / 42, 14);
    expect(r?.df).toBe(1);
    expect(r?.p).toBeCloseTo(0.372998483613487, 13); // R chisq.test(correct = FALSE)
    expect(r?.expected).toEqual([
      [12, 18],
      [28, 42],
    ]);
    expect(r?.minExpected).toBe(12);
    expect(r?.lowExpectedWarning).toBe(false);
    expect(r?.columnPercents).toEqual([
      [25, expect.closeTo(100 / 3, 12)],
      [75, expect.closeTo(200 / 3, 12)],
    ]);
  });

  it('warns when an expected count is below 5', () => {
    const r = pearsonChiSquare([
      [2, 8],
      [6, 4],
    ]);
    expect(r?.minExpected).toBe(4);
    expect(r?.cellsExpectedBelow5).toBe(2);
    expect(r?.lowExpectedWarning).toBe(true);
  });

  it('leaves out empty rows and columns, and gives up below 2x2', () => {
    const r = pearsonChiSquare([
      [10, 0, 20],
      [0, 0, 0],
      [30, 0, 40],
    ]);
    expect(r?.df).toBe(1);
    expect(r?.droppedRows).toEqual([1]);
    expect(r?.droppedColumns).toEqual([1]);
    expect(r?.statistic).toBeCloseTo(0.793650793650794, 14);
    expect(pearsonChiSquare([[1, 2, 3]])).toBeNull();
  });

  it('agrees with R on the fixture cross-tab (safe after dark by ward)', () => {
    const f = readJsonFixture<Unweighted>('r-unweighted.json').pearson;
    const r = pearsonChiSquare(f.table);
    expect(relativeError(r?.statistic as number, f.result.statistic)).toBeLessThan(1e-12);
    expect(r?.df).toBe(f.result.parameter.df);
    expect(relativeError(r?.p as number, f.result.p)).toBeLessThan(1e-9);
    expect(r?.minExpected).toBeCloseTo(f.expectedMin, 10);
  });
});
