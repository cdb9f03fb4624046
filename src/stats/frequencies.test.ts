import { describe, expect, it } from 'vitest';
import { multipleChoiceFrequencies, rankingSummary, ratingGridFrequencies, singleChoiceFrequencies } from './frequencies.js';

const NON = new Set(['dont_know', 'prefer_not_to_say']);
const SCALE = ['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe', 'dont_know'];

describe('singleChoiceFrequencies', () => {
  const answers = ['very_safe', 'very_safe', 'very_safe', 'fairly_safe', 'fairly_safe', 'a_bit_unsafe', 'dont_know', 'dont_know', null, '', 'weird'];
  const f = singleChoiceFrequencies(answers, SCALE, NON);

  it('excludes non-substantive answers from the base and shows them separately', () => {
    expect(f.base).toBe(6);
    expect(f.answered).toBe(9);
    expect(f.notAnswered).toBe(2);
    expect(f.options.map((o) => [o.value, o.count])).toEqual([
      ['very_safe', 3],
      ['fairly_safe', 2],
      ['a_bit_unsafe', 1],
      ['very_unsafe', 0],
    ]);
    expect(f.options.map((o) => o.percent)).toEqual([50, (2 / 6) * 100, (1 / 6) * 100, 0]);
    expect(f.nonSubstantive).toEqual([
      { value: 'dont_know', count: 2, percent: (2 / 9) * 100, ci95: expect.any(Array) },
      { value: 'prefer_not_to_say', count: 0, percent: 0, ci95: [0, expect.any(Number)] },
    ]);
    expect(f.unexpected).toEqual({ weird: 1 });
  });

  it('gives Wilson intervals in percent (R prop.test(3, 6, correct = FALSE))', () => {
    expect(f.options[0]?.ci95?.[0]).toBeCloseTo(18.7616306482651, 10);
    expect(f.options[0]?.ci95?.[1]).toBeCloseTo(81.2383693517349, 10);
  });

  it('has null percentages when nobody answered substantively', () => {
    const g = singleChoiceFrequencies(['dont_know'], SCALE, NON);
    expect(g.base).toBe(0);
    expect(g.options[0]).toEqual({ value: 'very_safe', count: 0, percent: null, ci95: null });
    expect(g.nonSubstantive[0]?.percent).toBe(100);
  });
});

describe('multipleChoiceFrequencies', () => {
  it('uses respondents, not ticks, and ranks options', () => {
    const f = multipleChoiceFrequencies(
      [['a', 'b'], ['a'], ['b', 'c', 'b'], ['dont_know'], [], null, ['a', 'dont_know']],
      ['a', 'b', 'c', 'd', 'dont_know'],
      new Set(['dont_know']),
    );
    expect(f.base).toBe(4);
    expect(f.answered).toBe(5);
    expect(f.notAnswered).toBe(2);
    expect(f.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['a', 3, 75],
      ['b', 2, 50],
      ['c', 1, 25],
      ['d', 0, 0],
    ]);
    expect(f.nonSubstantive.map((o) => [o.value, o.count, o.percent])).toEqual([['dont_know', 2, 40]]);
  });

  it('breaks ties by the given option order', () => {
    const f = multipleChoiceFrequencies([['c', 'b'], ['a']], ['a', 'b', 'c']);
    expect(f.options.map((o) => o.value)).toEqual(['a', 'b', 'c']);
  });
});

describe('rankingSummary', () => {
  it('gives mean rank and % ranked first', () => {
    const r = rankingSummary([['x', 'y', 'z'], ['y', 'x'], ['y'], null], ['x', 'y', 'z', 'w']);
    expect(r.base).toBe(3);
    expect(r.notAnswered).toBe(1);
    expect(r.options.map((o) => [o.value, o.rankedBy, o.meanRank, o.firstCount])).toEqual([
      ['y', 3, 4 / 3, 2],
      ['x', 2, 1.5, 1],
      ['z', 1, 3, 0],
      ['w', 0, null, 0],
    ]);
    expect(r.options[0]?.percentFirst).toBeCloseTo(200 / 3, 12);
    // R: prop.test(2, 3, correct = FALSE)$conf.int * 100
    expect(r.options[0]?.ci95First?.[0]).toBeCloseTo(20.7659600802048, 10);
    expect(r.options[0]?.ci95First?.[1]).toBeCloseTo(93.8508055279604, 10);
  });
});

describe('ratingGridFrequencies', () => {
  it('treats each row as a single-choice question', () => {
    const g = ratingGridFrequencies(
      [
        { code: 'day', answers: ['very_safe', 'fairly_safe'] },
        { code: 'dark', answers: ['very_unsafe', 'dont_know'] },
      ],
      SCALE,
      NON,
    );
    expect(g.map((r) => [r.code, r.frequencies.base])).toEqual([
      ['day', 2],
      ['dark', 1],
    ]);
    expect(g[1]?.frequencies.options[3]?.percent).toBe(100);
  });
});
