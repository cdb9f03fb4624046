import { describe, expect, it } from 'vitest';
import { answerToCell } from './answerCells.js';
import { columnByCode, questionByCode } from './columns.js';
import { crimeSurveyTemplate } from './templates/crimeSurvey.js';
import { pagesFor, visibleQuestions } from './visibility.js';

const def = crimeSurveyTemplate();
const codes = (answers: Record<string, string | string[] | null>) => visibleQuestions(def, answers).map((q) => q.code);

describe('visibleQuestions and pagesFor', () => {
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

  it('lists pages with their shown questions only', () => {
    const pages = pagesFor(def, { victim: 'yes' });
    expect(pages.map((p) => p.code)).toEqual([
      'where_you_live',
      'feeling_safe',
      'problems',
      'worry',
      'experience',
      'confidence',
      'one_thing',
      'about_you',
    ]);
    expect(pages.find((p) => p.code === 'experience')?.questions.map((q) => q.code)).toEqual(['victim', 'victim_reported']);
  });
});

describe('look-ups and cells', () => {
  it('finds questions and columns by code', () => {
    expect(questionByCode(def, 'concerns')?.type).toBe('multiple_choice');
    expect(questionByCode(def, 'safe_day')).toBeUndefined();
    expect(columnByCode(def, 'safe_day')?.question.code).toBe('safety_area');
    expect(columnByCode(def, 'safe_day')?.label).toBe('How safe do you feel walking alone in this area… during the day?');
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
