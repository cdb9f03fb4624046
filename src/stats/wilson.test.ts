import { describe, expect, it } from 'vitest';
import { wilsonInterval, wilsonPercentInterval } from './wilson.js';

// Expected values: R 4.2.2 prop.test(x, n, correct = FALSE)$conf.int (fixtures/analysis/r-unweighted.json).
describe('wilsonInterval', () => {
  it('matches R for interior proportions', () => {
    const ci = wilsonInterval(37, 120);
    expect(ci?.[0]).toBeCloseTo(0.232727369889163, 13);
    expect(ci?.[1]).toBeCloseTo(0.395829977238007, 13);
    const ci2 = wilsonInterval(652, 696);
    expect(ci2?.[0]).toBeCloseTo(0.916195662947566, 13);
    expect(ci2?.[1]).toBeCloseTo(0.952572530672377, 13);
  });

  it('is exactly 0 or 1 at the ends: p = 0 gives [0, z²/(n+z²)]', () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(z2 / (10 + z2), 14)]);
    expect(wilsonInterval(0, 10)?.[1]).toBeCloseTo(0.277532799862889, 13);
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(0.722467200137111, 13), 1]);
    expect(wilsonInterval(1, 1)).toEqual([expect.closeTo(0.206549314377238, 13), 1]);
  });

  it('returns null when there is no base', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonPercentInterval(0, 0)).toBeNull();
  });

  it('gives percent units for the JSON', () => {
    const ci = wilsonPercentInterval(37, 120);
    expect(ci?.[0]).toBeCloseTo(23.2727369889163, 11);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});
