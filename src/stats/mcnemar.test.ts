import { describe, expect, it } from 'vitest';
import { readJsonFixture, relativeError } from '../../test-support/rFixtures.js';
import { mcnemarTest, pairedCounts } from './mcnemar.js';

interface Unweighted {
  mcnemar: {
    table: [number, number, number, number];
    uncorrected: { statistic: number; p: number };
    corrected: { statistic: number; p: number };
  };
}

describe('mcnemarTest', () => {
  it('matches R mcnemar.test on a hand-sized table (a=30, b=12, c=4, d=54)', () => {
    const r = mcnemarTest({ a: 30, b: 12, c: 4, d: 54 });
    expect(r.n).toBe(100);
    expect(r.firstProportion).toBe(0.42);
    expect(r.secondProportion).toBe(0.34);
    expect(r.difference).toBeCloseTo(0.08, 15);
    expect(r.statistic).toBe(4); // (12-4)²/16
    expect(r.p).toBeCloseTo(0.0455002638963585, 14);
    expect(r.correctedStatistic).toBe(3.0625); // (8-1)²/16
    expect(r.correctedP).toBeCloseTo(0.0801183137276343, 14);
    // se = sqrt(16 - 64/100)/100 = sqrt(15.36)/100
    const se = Math.sqrt(15.36) / 100;
    expect(r.ci95?.[0]).toBeCloseTo(0.08 - 1.959963984540054 * se, 14);
    expect(r.ci95?.[1]).toBeCloseTo(0.08 + 0.0768145868217, 12);
  });

  it('applies no continuity correction when b = c, as R does', () => {
    const r = mcnemarTest({ a: 5, b: 3, c: 3, d: 4 });
    expect(r.statistic).toBe(0);
    expect(r.correctedStatistic).toBe(0);
    expect(r.correctedP).toBe(1);
  });

  it('has no statistic without discordant pairs', () => {
    const r = mcnemarTest({ a: 5, b: 0, c: 0, d: 4 });
    expect(r.statistic).toBeNull();
    expect(r.p).toBeNull();
    expect(r.difference).toBe(0);
  });

  it('agrees with R on the fixture data (safe by day vs after dark)', () => {
    const f = readJsonFixture<Unweighted>('r-unweighted.json').mcnemar;
    const [a, b, c, d] = f.table;
    const r = mcnemarTest({ a, b, c, d });
    expect(relativeError(r.statistic as number, f.uncorrected.statistic)).toBeLessThan(1e-12);
    expect(relativeError(r.p as number, f.uncorrected.p)).toBeLessThan(1e-9);
    expect(relativeError(r.correctedStatistic as number, f.corrected.statistic)).toBeLessThan(1e-12);
    expect(relativeError(r.correctedP as number, f.corrected.p)).toBeLessThan(1e-9);
  });

  it('counts pairs, leaving out missing answers', () => {
    expect(pairedCounts([true, true, false, false, null, true], [true, false, true, false, true, undefined])).toEqual({
      a: 1,
      b: 1,
      c: 1,
      d: 1,
    });
  });
});
