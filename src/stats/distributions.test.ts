import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, fSurvival, logGamma, normalTwoSidedP } from './distributions.js';

// Expected values from R 4.2.2 (pchisq, pf, pnorm, lgamma with lower.tail = FALSE), printed to 17 digits.
const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('distributions', () => {
  it('log-gamma agrees with R lgamma', () => {
    expect(rel(logGamma(0.3), 1.0957979948180756)).toBeLessThan(1e-13);
    expect(rel(logGamma(1234.5), 7550.5509010778942)).toBeLessThan(1e-13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it('chi-square upper tail agrees with R pchisq', () => {
    expect(rel(chiSquareSurvival(3.84, 1), 5.0043521248705224e-2)).toBeLessThan(1e-12);
    expect(rel(chiSquareSurvival(367.641604010025, 1), 6.1051226644652309e-82)).toBeLessThan(1e-10);
    expect(rel(chiSquareSurvival(0.5, 7.3), 9.9963663229676281e-1)).toBeLessThan(1e-12);
    expect(rel(chiSquareSurvival(40, 15), 4.5349813510223462e-4)).toBeLessThan(1e-12);
  });

  it('F upper tail agrees with R pf, including non-integer and very large df', () => {
    expect(rel(fSurvival(2.9, 13.5, 27060.4), 2.5889647916106586e-4)).toBeLessThan(1e-10);
    expect(rel(fSurvival(0.7, 2.5, 3.1), 5.8914771617130213e-1)).toBeLessThan(1e-12);
    expect(rel(fSurvival(5, 1.2, 5e6), 1.947005232281003e-2)).toBeLessThan(1e-8);
    expect(rel(fSurvival(1e-3, 3, 40), 9.9995552762057516e-1)).toBeLessThan(1e-12);
  });

  it('normal two-sided p agrees with R 2 * pnorm(-|z|)', () => {
    expect(rel(normalTwoSidedP(2.5), 1.241933065155227e-2)).toBeLessThan(1e-12);
    expect(rel(normalTwoSidedP(-0.1), 9.2034432544594202e-1)).toBeLessThan(1e-12);
  });
});
