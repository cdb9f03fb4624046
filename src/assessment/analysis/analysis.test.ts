import { describe, expect, it } from 'vitest';
import { concentration, ratesByDecile } from './deprivation.js';
import { giStar, queenNeighbours } from './giStar.js';
import { fillMonths, rolling12, seasonalIndex } from './series.js';
import { poissonChange } from './yearOnYear.js';

const square = (x: number): { polygons: [number, number][][][] } => ({
  polygons: [
    [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  ],
});

describe('the Strategic Assessment’s statistics', () => {
  it('tests a change between two equal periods as two Poisson counts', () => {
    // Exact binomial: 15 against 5 of 20 at p = 1/2 gives two-sided p = 0.04138947 (R: binom.test(15, 20)$p.value).
    const small = poissonChange(15, 5);
    expect(small.percent).toBe(200);
    expect(small.p).toBeCloseTo(0.04138947, 7);
    expect(small.significant).toBe(true);
    expect(poissonChange(10, 10).p).toBeCloseTo(1, 10);
    // Normal approximation past 1,000: 1,100 against 1,000, z = (50 - 0.5) / sqrt(2100 / 4) = 2.16025, p = 0.030745.
    const large = poissonChange(1100, 1000);
    expect(large.p).toBeCloseTo(0.030745, 5);
    expect(poissonChange(0, 0)).toEqual({ current: 0, previous: 0, percent: null, p: 1, significant: false });
  });

  it('fills missing months, sums the rolling 12 months and indexes each calendar month', () => {
    const months = fillMonths([
      { month: '2023-11', count: 5 },
      { month: '2024-01', count: 7 },
    ]);
    expect(months).toEqual([
      { month: '2023-11', count: 5 },
      { month: '2023-12', count: 0 },
      { month: '2024-01', count: 7 },
    ]);
    const year = Array.from({ length: 13 }, (_, i) => ({
      month: `20${i < 12 ? '23' : '24'}-${String((i % 12) + 1).padStart(2, '0')}`,
      count: i + 1,
    }));
    expect(rolling12(year).slice(10)).toEqual([null, 78, 90]);
    // Whole years only (the first month dropped): February 2023 to January 2024, mean 7.5.
    const index = seasonalIndex(year);
    expect(index[0]).toBe(173.3); // January: 13 / 7.5
    expect(index[1]).toBe(26.7); // February: 2 / 7.5
  });

  it('gives rates by deprivation decile and the concentration in the most deprived areas', () => {
    const lsoas = [
      { code: 'a', count: 30, population: 1000, imdDecile: 1 },
      { code: 'b', count: 10, population: 1000, imdDecile: 2 },
      { code: 'c', count: 10, population: 2000, imdDecile: 9 },
    ];
    expect(ratesByDecile(lsoas)).toEqual([
      { decile: 1, lsoas: 1, count: 30, population: 1000, rate: 30 },
      { decile: 2, lsoas: 1, count: 10, population: 1000, rate: 10 },
      { decile: 9, lsoas: 1, count: 10, population: 2000, rate: 5 },
    ]);
    expect(concentration(lsoas)).toEqual([
      { deciles: 1, lsoas: 1, crimeShare: 60, populationShare: 25, ratio: 2.4 },
      { deciles: 2, lsoas: 2, crimeShare: 80, populationShare: 50, ratio: 1.6 },
    ]);
  });

  it('finds queen neighbours from shared boundary points and Gi* z-scores over them', () => {
    const row = [0, 1, 2, 3, 4].map(square);
    expect(queenNeighbours(row)).toEqual([[1], [0, 2], [1, 3], [2, 4], [3]]);
    const z = giStar([0, 0, 0, 0, 10], queenNeighbours(row));
    expect(z.map((v) => Number(v?.toFixed(6)))).toEqual([-0.816497, -1.224745, -1.224745, 0.816497, 1.224745]);
    expect(giStar([1, 1, 1], [[1], [0, 2], [1]])).toEqual([null, null, null]);
  });
});
