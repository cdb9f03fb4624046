import { describe, expect, it } from 'vitest';
import { createDesign } from '../stats/index.js';
import { themeResults } from './themeResults.js';

describe('themeResults', () => {
  it('counts each theme among those who answered, with the Wilson interval (37 of 120: 23.27% to 39.58%)', () => {
    const answered = [...Array(120).fill(1), ...Array(30).fill(0)];
    const has = [...Array(37).fill(1), ...Array(83).fill(0), ...Array(30).fill(1)];
    const [row] = themeResults({ answered, themes: [{ theme: 'drugs', has }] });
    expect(row?.overall.base).toBe(120);
    expect(row?.overall.count).toBe(37);
    expect(row?.overall.percent).toBeCloseTo((37 / 120) * 100, 10);
    expect(row?.overall.ci95?.[0]).toBeCloseTo(23.27274, 4);
    expect(row?.overall.ci95?.[1]).toBeCloseTo(39.583, 3);
    expect(row?.overall.weightedPercent).toBeUndefined();
  });

  it('splits by group, leaving respondents in no group out of the groups but not out of the total', () => {
    const [row] = themeResults({
      answered: [1, 1, 1, 1, 1, 0],
      themes: [{ theme: 'lights', has: [1, 0, 1, 1, 0, 1] }],
      groups: { codes: [0, 0, 1, 1, -1, 0], size: 2 },
    });
    expect(row?.overall).toMatchObject({ base: 5, count: 3, percent: 60 });
    expect(row?.groups.map((g) => [g.base, g.count, g.percent])).toEqual([
      [2, 1, 50],
      [2, 2, 100],
    ]);
    // All in the group have it: the interval reaches 100 exactly.
    expect(row?.groups[1]?.ci95?.[1]).toBe(100);
  });

  it('weights: with weights 1, 2, 1, 2 and the theme on the first only, the weighted share is 1/6 of those who answered', () => {
    const design = createDesign([1, 2, 1, 2, 5]);
    const [row] = themeResults({
      answered: [1, 1, 1, 1, 0],
      themes: [{ theme: 'drugs', has: [1, 0, 0, 0, 1] }],
      groups: { codes: [0, 0, 1, 1, 0], size: 2 },
      design,
    });
    expect(row?.overall.percent).toBe(25);
    expect(row?.overall.weightedPercent).toBeCloseTo(100 / 6, 10);
    expect(row?.groups[0]?.weightedPercent).toBeCloseTo(100 / 3, 10);
    expect(row?.groups[1]?.weightedPercent).toBe(0);
    const ci = row?.overall.weightedCi95 ?? [Number.NaN, Number.NaN];
    expect(ci[0]).toBe(0);
    expect(ci[1]).toBeGreaterThan(100 / 6);
  });

  it('has no percentage for a group nobody in answered', () => {
    const [row] = themeResults({ answered: [1, 0], themes: [{ theme: 'x', has: [0, 0] }], groups: { codes: [0, 1], size: 2 } });
    expect(row?.groups[1]).toEqual({ base: 0, count: 0, percent: null, ci95: null });
  });
});
