import { describe, expect, it } from 'vitest';
import type { Answers, Question, SurveyDefinition } from '../surveys/index.js';
import { analysisContext } from './analyseConsultation.js';
import { questionResult } from './questionResults.js';
import { buildResponseTable, type TableColumn } from './responseTable.js';

const option = (value: string) => ({ value, label: value });
const dontKnow = { value: 'dont_know', label: "Don't know", nonSubstantive: true as const };
const preferNotToSay = { value: 'prefer_not_to_say', label: 'Prefer not to say', nonSubstantive: true as const };

/** The result of one question over answers given to it alone, with every base published (suppressBelow 1). */
function resultOf(question: Question, values: Answers[string][]) {
  const definition: SurveyDefinition = { schemaVersion: 1, title: 'T', pages: [{ code: 'p', title: 'P', questions: [question] }] };
  const table = buildResponseTable(
    definition,
    values.map((v) => ({ [question.code]: v })),
    [],
  );
  return questionResult(table.byCode.get(question.code) as TableColumn, analysisContext(table, { rules: { suppressBelow: 1 } }));
}

describe('questionResult: single choice', () => {
  const r = resultOf(
    {
      code: 'safe',
      type: 'single_choice',
      label: 'Safe?',
      required: false,
      options: ['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe'].map(option).concat(dontKnow, preferNotToSay),
    },
    ['very_safe', 'very_safe', 'very_safe', 'fairly_safe', 'fairly_safe', 'a_bit_unsafe', 'dont_know', 'dont_know', null, '', 'weird'],
  );

  it('excludes non-substantive answers from the base and shows them as a share of everyone who answered', () => {
    expect(r.base.n).toBe(6);
    expect(r.answered).toBe(9);
    expect(r.notAnswered).toBe(2);
    expect(r.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['very_safe', 3, 50],
      ['fairly_safe', 2, (2 / 6) * 100],
      ['a_bit_unsafe', 1, (1 / 6) * 100],
      ['very_unsafe', 0, 0],
    ]);
    expect(r.nonSubstantive.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['dont_know', 2, (2 / 9) * 100],
      ['prefer_not_to_say', 0, 0],
    ]);
  });

  it('leaves answers that are not options out, and says so', () => {
    expect(r.note).toBe('1 answers were not among the options and are left out.');
  });

  it('gives Wilson intervals in percent (R prop.test(3, 6, correct = FALSE))', () => {
    expect(r.options[0]?.ci95?.[0]).toBeCloseTo(18.7616306482651, 10);
    expect(r.options[0]?.ci95?.[1]).toBeCloseTo(81.2383693517349, 10);
  });
});

describe('questionResult: multiple choice', () => {
  const question: Question = {
    code: 'concerns',
    type: 'multiple_choice',
    label: 'Concerns',
    required: false,
    options: ['a', 'b', 'c', 'd'].map(option).concat(dontKnow),
  };

  it('counts respondents, not ticks, and ranks the options', () => {
    const r = resultOf(question, [['a', 'b'], ['a'], ['b', 'c', 'b'], ['dont_know'], [], null, ['a', 'dont_know']]);
    expect(r.base.n).toBe(4);
    expect(r.answered).toBe(5);
    expect(r.notAnswered).toBe(2);
    expect(r.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['a', 3, 75],
      ['b', 2, 50],
      ['c', 1, 25],
      ['d', 0, 0],
    ]);
    expect(r.nonSubstantive.map((o) => [o.value, o.count, o.percent])).toEqual([['dont_know', 2, 40]]);
  });

  it('breaks ties by the order of the options', () => {
    const r = resultOf(question, [['c', 'b'], ['a']]);
    expect(r.options.map((o) => o.value)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('questionResult: ranking', () => {
  it('gives the mean rank among those ranking each option and the share ranking it first, ordered by mean rank', () => {
    const r = resultOf({ code: 'rank', type: 'ranking', label: 'Rank', required: false, rankTop: 3, options: ['x', 'y', 'z', 'w'].map(option) }, [
      ['x', 'y', 'z'],
      ['y', 'x'],
      ['y'],
      null,
    ]);
    expect(r.base.n).toBe(3);
    expect(r.notAnswered).toBe(1);
    expect(r.options.map((o) => [o.value, o.rankedBy, o.meanRank, o.count])).toEqual([
      ['y', 3, 4 / 3, 2],
      ['x', 2, 1.5, 1],
      ['z', 1, 3, 0],
      ['w', 0, null, 0],
    ]);
    expect(r.options[0]?.percent).toBeCloseTo(200 / 3, 12);
    // R: prop.test(2, 3, correct = FALSE)$conf.int * 100
    expect(r.options[0]?.ci95?.[0]).toBeCloseTo(20.7659600802048, 10);
    expect(r.options[0]?.ci95?.[1]).toBeCloseTo(93.8508055279604, 10);
  });
});
