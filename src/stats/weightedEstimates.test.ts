import { describe, expect, it } from 'vitest';
import { byGroup, estimate } from './byGroup.js';
import { createDesign } from './design.js';
import { rake } from './raking.js';
import { weightedMean, weightedProportions } from './weightedEstimates.js';

describe('weighted estimates by hand', () => {
  it('an unweighted design: SE = sqrt(n/(n-1) Σ ((y - p)/n)²)', () => {
    // y = 1, 0, 0, 1: p = 0.5, influence ±0.125, V = 4/3 x 4 x 0.015625 = 1/12
    const d = createDesign([1, 1, 1, 1]);
    const r = estimate(d, weightedProportions([1, 0, 0, 1], 2));
    expect(r?.n).toBe(4);
    expect(r?.weightedBase).toBe(4);
    expect(r?.levels[1]?.estimate).toBe(0.5);
    expect(r?.levels[1]?.se).toBeCloseTo(Math.sqrt(1 / 12), 15);
    expect(r?.levels[1]?.weightedCount).toBe(2);
    // s² = p(1-p) n/(n-1) = 1/3; with replacement V_srs = s²/n = 1/12, so deff "replace" = 1;
    // without replacement the population is Σw = n, so V_srs = 0 and R's deff is undefined (null here).
    expect(r?.levels[1]?.deffReplace).toBeCloseTo(1, 14);
    expect(r?.levels[1]?.deff).toBeNull();
    expect(r?.levels[1]?.effectiveSampleSize).toBeCloseTo(4, 13);
    expect(r?.levels[1]?.ci95[0]).toBeCloseTo(0.5 - 1.959963984540054 * Math.sqrt(1 / 12), 14);
  });

  it('a weighted mean by hand: weights 1, 3; y 2, 6', () => {
    // mean = (2 + 18) / 4 = 5; x = w (y - 5) / 4 = -0.75, 0.75; V = 2/1 x (0.5625 x 2) = 2.25
    const m = estimate(createDesign([1, 3]), weightedMean([2, 6]));
    expect(m?.estimate).toBe(5);
    expect(m?.se).toBeCloseTo(1.5, 14);
  });

  it('a calibrated variable has no sampling variance on the raked design', () => {
    const sex = [0, 0, 0, 1, 1, 0, 1, 0];
    const y = [1, 0, 1, 1, 0, 0, 1, 1];
    const r = rake([{ name: 'sex', codes: sex, totals: [600, 400] }], { epsilon: 1e-14 });
    if (!r.ok) throw r.error;
    const d = createDesign(r.weights, [{ codes: sex, size: 2 }]);
    const p = estimate(d, weightedProportions(sex, 2));
    expect(p?.levels[0]?.estimate).toBeCloseTo(0.6, 14);
    expect(p?.levels[0]?.se).toBeLessThan(1e-12);
    // A variable that is not calibrated still has variance.
    expect(estimate(d, weightedProportions(y, 2))?.levels[1]?.se).toBeGreaterThan(0.05);
  });

  it('domain estimates leave out missing answers and empty groups', () => {
    const d = createDesign([1, 1, 1, 1, 1]);
    const by = byGroup(d, { codes: [0, 0, 0, 1, 1], size: 3 }, weightedProportions([0, 1, -1, 1, 0], 2));
    expect(by[0]?.n).toBe(2);
    expect(by[0]?.levels.map((l) => l.estimate)).toEqual([0.5, 0.5]);
    expect(by[1]?.n).toBe(2);
    expect(by[2]).toBeNull();
    expect(estimate(d, weightedProportions([0, 1, 1, 1, 0], 2), [true, true, false, false, false])?.levels[1]?.estimate).toBe(0.5);
  });
});
