import { describe, expect, it } from 'vitest';
import { compareWithBenchmark } from './benchmark.js';

describe('compareWithBenchmark', () => {
  it('one-sample score test against a known figure matches R prop.test(120, 300, p = 0.49, correct = FALSE)', () => {
    const r = compareWithBenchmark({ successes: 120, n: 300 }, { proportion: 0.49 });
    expect(r.difference).toBeCloseTo(-0.09, 15);
    expect(r.z * r.z).toBeCloseTo(9.72388955582233, 11);
    expect(r.p).toBeCloseTo(0.00181888180182809, 14);
    expect(r.distinguishable).toBe(true);
    expect(r.method).toBe('one-sample score');
    // Wilson interval of 120/300 shifted by 0.49 excludes 0
    expect(r.ci95[1]).toBeLessThan(0);
  });

  it('two-sample test when the benchmark base is known matches R prop.test(c(120, 490), c(300, 1000), correct = FALSE)', () => {
    const r = compareWithBenchmark({ successes: 120, n: 300 }, { proportion: 0.49, n: 1000 });
    expect(r.z * r.z).toBeCloseTo(7.50534568781183, 11);
    expect(r.p).toBeCloseTo(0.00615161321945396, 14);
    expect(r.ci95[0]).toBeCloseTo(-0.15350706744801523, 13);
    expect(r.ci95[1]).toBeCloseTo(-0.02649293255198472, 13);
  });

  it('design-based comparison for a weighted proportion', () => {
    const r = compareWithBenchmark({ proportion: 0.52, se: 0.02 }, { proportion: 0.49 });
    expect(r.z).toBeCloseTo(1.5, 14);
    expect(r.p).toBeCloseTo(0.133614402537716, 13); // 2 * pnorm(-1.5)
    expect(r.distinguishable).toBe(false);
    expect(r.ci95[0]).toBeCloseTo(0.03 - 1.959963984540054 * 0.02, 14);
  });
});
