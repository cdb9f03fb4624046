import { describe, expect, it } from 'vitest';
import { answerToCell } from './answerCells.js';
import { allQuestions, columnsFor, questionByCode } from './columns.js';
import type { Answers } from './definition.js';
import { crimeSurveyTemplate } from './templates/crimeSurvey.js';
import { visibleCodes } from './visibility.js';

const def = crimeSurveyTemplate();
/** The codes of the questions shown, in survey order. */
const codes = (answers: Answers) => {
  const shown = visibleCodes(def, answers);
  return allQuestions(def)
    .map((q) => q.code)
    .filter((c) => shown.has(c));
};

describe('visibleCodes', () => {
  it('hides the follow-ups until victim is yes and reported is no', () => {
    expect(codes({}).filter((c) => c.startsWith('victim'))).toEqual(['victim']);
    expect(codes({ victim: 'yes' }).filter((c) => c.startsWith('victim'))).toEqual(['victim', 'victim_reported']);
    expect(codes({ victim: 'yes', victim_reported: 'no' }).filter((c) => c.startsWith('victim'))).toEqual([
      'victim',
      'victim_reported',
      'victim_not_reported_why',
    ]);
    expect(codes({ victim: 'no', victim_reported: 'no' }).filter((c) => c.startsWith('victim'))).toEqual(['victim']);
  });

  it("shows a grid under its own code and its rows' codes", () => {
    const shown = visibleCodes(def, {});
    expect(['safety_area', 'safe_day', 'safe_dark'].every((c) => shown.has(c))).toBe(true);
  });
});

describe('look-ups and cells', () => {
  it('finds questions by code; a grid row is a column of its own', () => {
    expect(questionByCode(def, 'concerns')?.type).toBe('multiple_choice');
    expect(questionByCode(def, 'safe_day')).toBeUndefined();
    const row = columnsFor(def).find((c) => c.code === 'safe_day');
    expect(row?.question.code).toBe('safety_area');
    expect(row?.label).toBe('How safe do you feel walking alone in this area… during the day?');
  });

  it('writes answers as cells validateAnswers reads back', () => {
    expect([answerToCell(['asb', 'drugs']), answerToCell(null), answerToCell(undefined), answerToCell(3), answerToCell('CV1 2')]).toEqual([
      'asb;drugs',
      '',
      '',
      3,
      'CV1 2',
    ]);
  });
});
