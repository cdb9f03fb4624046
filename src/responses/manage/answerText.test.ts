import { describe, expect, it } from 'vitest';
import { type Column, columnsFor, crimeSurveyTemplate } from '../../surveys/index.js';
import { answerChanges, answerLines, answerText, NOT_ANSWERED, NOT_ASKED } from './answerText.js';

const definition = crimeSurveyTemplate();
const columns = columnsFor(definition);
const column = (code: string) => columns.find((c) => c.code === code) as Column;
const wards = [{ code: 'earlsdon', name: 'Earlsdon' }];

describe('answers as people read them', () => {
  it('gives option labels, ward names and the codes of options the survey no longer has', () => {
    expect(answerText(column('safe_dark'), 'a_bit_unsafe', wards)).toBe('A bit unsafe');
    expect(answerText(column('ward'), 'earlsdon', wards)).toBe('Earlsdon');
    expect(answerText(column('ward'), 'gone', wards)).toBe('gone');
    expect(answerText(column('concerns'), ['fly_tipping', 'asb'], wards)).toBe('Fly-tipping; Anti-social behaviour');
  });

  it('tells a blank answer from a question that was not asked', () => {
    expect([answerText(column('safe_day'), null, wards), answerText(column('safe_day'), undefined, wards)]).toEqual([NOT_ANSWERED, NOT_ASKED]);
    expect(answerText(column('concerns'), [], wards)).toBe(NOT_ANSWERED);
  });

  it('lists every column and what changed between versions', () => {
    const before = { ward: 'earlsdon', safe_day: 'very_safe', safe_dark: 'a_bit_unsafe' };
    const after = { ward: 'earlsdon', safe_day: 'very_safe', safe_dark: null };
    expect(answerLines(columns, before, wards).slice(0, 1)).toEqual([{ code: 'ward', label: column('ward').label, text: 'Earlsdon' }]);
    expect(answerChanges(columns, before, after, wards)).toEqual([{ label: column('safe_dark').label, was: 'A bit unsafe', became: NOT_ANSWERED }]);
  });
});
