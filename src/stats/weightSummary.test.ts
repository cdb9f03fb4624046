import { describe, expect, it } from 'vitest';
import { weightSummary } from './weightSummary.js';

describe('weightSummary', () => {
  it('gives Kish design effect and effective sample size', () => {
    // weights 1, 1, 2, 4: sum 8, sum of squares 22, n 4
    const s = weightSummary([1, 1, 2, 4]);
    expect(s).toEqual({
      n: 4,
      sum: 8,
      mean: 2,
      min: 1,
      max: 4,
      maxRatio: 2,
      kishDesignEffect: (4 * 22) / 64,
      kishEffectiveSampleSize: 64 / 22,
    });
    expect(weightSummary([])).toBeNull();
  });
});
