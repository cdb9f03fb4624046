import { describe, expect, it } from 'vitest';
import { encodeMargin, RakingError, rake } from './raking.js';

const sex = { name: 'sex', labels: ['female', 'male'] };
const age = { name: 'age', labels: ['16-44', '45+'] };

function marginSums(codes: ArrayLike<number>, weights: Float64Array, size: number): number[] {
  const s = new Array<number>(size).fill(0);
  for (let i = 0; i < weights.length; i++) s[codes[i] as number] = (s[codes[i] as number] as number) + (weights[i] as number);
  return s;
}

describe('rake', () => {
  it('solves an exactly identified case by hand', () => {
    // cells: (female,16-44) x1, (female,45+) x2, (male,16-44) x1
    // w00 + 2 w01 = 60, w10 = 40, w00 + w10 = 50  =>  w00 = 10, w01 = 25, w10 = 40
    const r = rake(
      [
        { ...sex, codes: [0, 0, 0, 1], totals: [60, 40] },
        { ...age, codes: [0, 1, 1, 0], totals: [50, 50] },
      ],
      { epsilon: 1e-14 },
    );
    if (!r.ok) throw r.error;
    expect(Array.from(r.weights).map((w) => Number(w.toFixed(9)))).toEqual([10, 25, 25, 40]);
    expect(r.converged).toBe(true);
    expect(r.maxRelativeMarginError).toBeLessThan(1e-14);
    expect(r.trimming).toBeNull();
  });

  it('meets every margin from base weights', () => {
    const sexCodes = [0, 0, 1, 1, 0, 1, 0, 0];
    const ageCodes = [0, 1, 0, 1, 1, 1, 0, 1];
    const r = rake(
      [
        { ...sex, codes: sexCodes, totals: [520, 480] },
        { ...age, codes: ageCodes, totals: [400, 600] },
      ],
      { baseWeights: [1, 2, 1, 1, 3, 1, 2, 1], epsilon: 1e-12 },
    );
    if (!r.ok) throw r.error;
    const s1 = marginSums(sexCodes, r.weights, 2);
    const s2 = marginSums(ageCodes, r.weights, 2);
    expect(s1[0]).toBeCloseTo(520, 8);
    expect(s1[1]).toBeCloseTo(480, 8);
    expect(s2[0]).toBeCloseTo(400, 8);
    expect(s2[1]).toBeCloseTo(600, 8);
    // Raking preserves the base-weight ratio within a cell: respondents 2 and 8 share a cell (female, 45+) with base 2 and 1.
    expect((r.weights[1] as number) / (r.weights[7] as number)).toBeCloseTo(2, 12);
  });

  it('reports a sample category missing from the margin as a typed error', () => {
    const r = rake([{ ...sex, codes: [0, 2], totals: [10, 10] }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(RakingError);
    expect(r.error.code).toBe('UNKNOWN_CATEGORY');
    expect(r.error.margin).toBe('sex');
    expect(r.error.message).toContain('Respondent 2');
  });

  it('rejects a zero total for a category with respondents, and negative totals', () => {
    const zero = rake([{ ...sex, codes: [0, 1], totals: [10, 0] }]);
    expect(!zero.ok && zero.error.code).toBe('NON_POSITIVE_TOTAL');
    expect(!zero.ok && zero.error.category).toBe('male');
    const negative = rake([{ ...sex, codes: [0, 0], totals: [10, -1] }]);
    expect(!negative.ok && negative.error.code).toBe('NON_POSITIVE_TOTAL');
  });

  it('rejects a populated category with no respondents', () => {
    const r = rake([{ ...sex, codes: [0, 0], totals: [10, 12] }]);
    expect(!r.ok && r.error.code).toBe('EMPTY_SAMPLE_CATEGORY');
    expect(!r.ok && r.error.message).toContain('"sex" = "male"');
  });

  it('rejects margins with different grand totals unless asked to rescale', () => {
    const margins = [
      { ...sex, codes: [0, 1, 0, 1], totals: [50, 50] },
      { ...age, codes: [0, 0, 1, 1], totals: [60, 60] },
    ];
    const r = rake(margins);
    expect(!r.ok && r.error.code).toBe('INCONSISTENT_TOTALS');
    const scaled = rake(margins, { rescaleTotals: true });
    if (!scaled.ok) throw scaled.error;
    expect(Array.from(scaled.weights)).toEqual([25, 25, 25, 25].map((w) => expect.closeTo(w, 9)));
  });

  it('reports non-convergence when the margins cannot be met together', () => {
    // Only (female, 16-44) and (male, 45+) respondents: sex needs w0 = 60, age needs w0 = 50.
    const r = rake(
      [
        { ...sex, codes: [0, 1], totals: [60, 40] },
        { ...age, codes: [0, 1], totals: [50, 50] },
      ],
      { maxIterations: 200 },
    );
    expect(!r.ok && r.error.code).toBe('NOT_CONVERGED');
    expect(!r.ok && r.error.message).toContain('200 iterations');
  });

  it('trims weights to the cap and re-rakes', () => {
    // One young man stands for 400 people before trimming.
    const sexCodes = [0, 0, 0, 0, 1, 1, 1, 1, 1, 0];
    const ageCodes = [0, 1, 1, 1, 0, 1, 1, 1, 1, 0];
    const margins = [
      { ...sex, codes: sexCodes, totals: [500, 500] },
      { ...age, codes: ageCodes, totals: [700, 300] },
    ];
    const untrimmed = rake(margins);
    if (!untrimmed.ok) throw untrimmed.error;
    expect(Math.max(...untrimmed.weights) / 100).toBeGreaterThan(2.5);
    const r = rake(margins, { trim: { maxWeightRatio: 2.5 } });
    if (!r.ok) throw r.error;
    expect(r.trimming?.converged).toBe(true);
    // By hand: the young man is fixed at 250; the two young women share 700 - 250, the four older men 500 - 250,
    // the three older women make up the rest of 500 women.
    expect(Array.from(r.weights)).toEqual([225, 50 / 3, 50 / 3, 50 / 3, 250, 62.5, 62.5, 62.5, 62.5, 225].map((w) => expect.closeTo(w, 6)));
    expect(r.trimming?.trimmedCount).toBe(1);
    expect(r.trimming?.cap).toBeCloseTo(250, 9);
    expect(r.trimming?.maxWeightRatio).toBeLessThanOrEqual(2.5 * (1 + 1e-4));
    expect(marginSums(sexCodes, r.weights, 2)[0]).toBeCloseTo(500, 6);
    expect(marginSums(ageCodes, r.weights, 2)[0]).toBeCloseTo(700, 6);
  });
});

describe('encodeMargin', () => {
  it('codes answers against a population list', () => {
    const r = encodeMargin(
      'ward',
      ['Earlsdon', 'Foleshill', 'Earlsdon'],
      [
        { value: 'Foleshill', population: 100 },
        { value: 'Earlsdon', population: 200 },
      ],
    );
    if (!r.ok) throw r.error;
    expect(Array.from(r.margin.codes)).toEqual([1, 0, 1]);
    expect(Array.from(r.margin.totals)).toEqual([100, 200]);
    expect(r.margin.labels).toEqual(['Foleshill', 'Earlsdon']);
  });

  it('names the uncovered answer', () => {
    const r = encodeMargin('ward', ['Earlsdon', 'Henley'], new Map([['Earlsdon', 5]]));
    expect(!r.ok && r.error.code).toBe('UNKNOWN_CATEGORY');
    expect(!r.ok && r.error.message).toContain('"ward" = "Henley"');
    expect(!r.ok && r.error.category).toBe('Henley');
  });
});
