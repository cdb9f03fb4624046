import { describe, expect, it } from 'vitest';
import { createViewEnvironment } from '../../app/plugins/views.js';
import type { Question } from '../../surveys/definition.js';
import { fieldId } from './fieldIds.js';
import type { RawAnswers } from './formAnswers.js';
import { questionField } from './questionFields.js';

const env = createViewEnvironment();
const options = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'dont_know', label: "Don't know", nonSubstantive: true as const },
];
const QUESTIONS: Question[] = [
  { code: 'single', type: 'single_choice', label: 'Single?', required: true, options },
  { code: 'multi', type: 'multiple_choice', label: 'Multi?', required: false, options, maxChoices: 2 },
  {
    code: 'grid',
    type: 'rating_grid',
    label: 'Grid…',
    required: false,
    options,
    rows: [
      { code: 'grid_day', label: 'by day?' },
      { code: 'grid_dark', label: 'after dark?' },
    ],
  },
  { code: 'rank', type: 'ranking', label: 'Rank them', required: false, options, rankTop: 2 },
  { code: 'short', type: 'short_text', label: 'Short?', required: false, maxLength: 50 },
  { code: 'long', type: 'long_text', label: 'Long?', required: false, maxLength: 500 },
  { code: 'count', type: 'number', label: 'How many?', required: false },
  { code: 'postcode', type: 'postcode', label: 'Postcode?', required: false },
  { code: 'ward', type: 'ward', label: 'Ward?', required: false },
  { code: 'when', type: 'date', label: 'When?', required: false },
];

const render = (q: Question, values: RawAnswers = {}, errors: Record<string, string> = {}) =>
  env.renderString('{% from "consultations/views/questions.njk" import renderQuestion %}{{ renderQuestion(field) }}', {
    field: questionField(q, values, errors, [{ code: 'earlsdon', name: 'Earlsdon' }]),
  });

describe('questions.njk renderQuestion', () => {
  for (const q of QUESTIONS) {
    it(`renders ${q.type} with a field whose id error links target`, () => {
      const codes = q.type === 'rating_grid' ? q.rows.map((r) => r.code) : [q.code];
      const errors = Object.fromEntries(codes.map((c) => [c, `Problem with ${c}`]));
      const html = render(q, {}, errors);
      for (const code of codes) {
        expect(html).toContain(`id="${fieldId(q, code)}"`);
        expect(html).toContain(`Problem with ${code}`);
      }
    });
  }

  it('puts a divider before non-substantive options and shows the answer given', () => {
    const html = render(QUESTIONS[0] as Question, { single: 'no' });
    expect(html).toMatch(/value="no" checked/);
    expect(html.indexOf('govuk-radios__divider')).toBeGreaterThan(html.indexOf('value="no"'));
    expect(html.indexOf('govuk-radios__divider')).toBeLessThan(html.indexOf('value="dont_know"'));
  });

  it('names the rank selects by position, mentions the maximum choices, and fills the date boxes', () => {
    expect(render(QUESTIONS[3] as Question, { rank: ['no', 'yes'] })).toMatch(
      /1st choice[\s\S]*name="rank__1"[\s\S]*value="no" selected[\s\S]*2nd choice[\s\S]*name="rank__2"/,
    );
    expect(render(QUESTIONS[1] as Question)).toContain('Select up to 2.');
    const date = render(QUESTIONS[9] as Question, { when: '2024-03-07' });
    expect(date).toContain('name="when-day" type="text" value="07"');
    expect(date).toContain('name="when-year" type="text" value="2024"');
    expect(render(QUESTIONS[7] as Question)).toContain('autocomplete="postal-code"');
    expect(render(QUESTIONS[6] as Question)).toContain('inputmode="numeric"');
    expect(render(QUESTIONS[5] as Question)).toContain('data-maxlength="500"');
    expect(render(QUESTIONS[8] as Question, { ward: 'earlsdon' })).toContain('value="earlsdon" selected');
  });
});
