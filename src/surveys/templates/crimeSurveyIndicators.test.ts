import { describe, expect, it } from 'vitest';
import { type Column, columnsFor } from '../columns.js';
import { indicatorSetFor } from '../templateRegistry.js';
import { crimeSurveyTemplate } from './crimeSurvey.js';
import { CRIME_SURVEY_INDICATORS } from './crimeSurveyIndicators.js';

const columns = new Map(columnsFor(crimeSurveyTemplate()).map((c) => [c.code, c]));
const values = (code: string) => (columns.get(code) as Column | undefined)?.options?.map((o) => o.value) ?? [];
const set = CRIME_SURVEY_INDICATORS;

describe('the crime survey indicator set', () => {
  it('is what the registry gives for the crime-survey template, and no other template has one', () => {
    expect(indicatorSetFor('crime-survey')).toBe(set);
    for (const other of ['members-survey', 'blank', 'no-such-template', 'toString', undefined]) expect(indicatorSetFor(other)).toBeUndefined();
  });

  it('names only questions and answers the template asks', () => {
    for (const pair of set.safety) {
      for (const code of [pair.day, pair.dark]) expect(values(code)).toEqual(expect.arrayContaining([...set.safeValues]));
    }
    expect(set.safety.map((p) => [p.day, p.dark])).toEqual([
      ['safe_day', 'safe_dark'],
      ['safe_centre_day', 'safe_centre_dark'],
    ]);
    for (const item of set.asb.items) {
      expect(values(item.code)).toEqual(expect.arrayContaining([...set.asb.problemValues, ...Object.keys(set.asb.scores)]));
    }
    expect(columns.get(set.concerns)?.type).toBe('multiple_choice');
    for (const code of [set.victimisation.victim, set.victimisation.reported])
      expect(values(code)).toEqual(expect.arrayContaining([...set.victimisation.yesValues]));
  });

  it('scores the national perceived-ASB scale 3..0 over seven items, high at 11 of 21', () => {
    expect(set.asb.items.filter((i) => i.national)).toHaveLength(7);
    expect(set.asb.scores).toEqual({ very_big_problem: 3, fairly_big_problem: 2, not_very_big_problem: 1, not_a_problem: 0 });
    expect(set.asb.highThreshold).toBe(11);
  });

  it('groups every ethnicity answer but prefer not to say into one of the five groups it lists', () => {
    const ethnic = set.breakdowns.find((b) => b.code === 'ethnic_group');
    const groups = new Set(ethnic?.groups?.levels.map((l) => l.value));
    const ungrouped = values(ethnic?.question ?? '').filter((v) => !groups.has(ethnic?.groups?.groupOf[v] ?? ''));
    expect(ungrouped).toEqual(['prefer_not_to_say']);
    expect(set.breakdowns.map((b) => [b.code, columns.get(b.question)?.type])).toEqual([
      ['ethnic_group', 'single_choice'],
      ['disability', 'single_choice'],
    ]);
  });
});
