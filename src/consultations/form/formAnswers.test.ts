import { describe, expect, it } from 'vitest';
import type { Question } from '../../surveys/definition.js';
import { formAnswers } from './formAnswers.js';

const opts = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
  { value: 'c', label: 'C' },
];
const QUESTIONS: Question[] = [
  { code: 'single', type: 'single_choice', label: 'S', required: false, options: opts },
  { code: 'multi', type: 'multiple_choice', label: 'M', required: false, options: opts, maxChoices: 2 },
  {
    code: 'grid',
    type: 'rating_grid',
    label: 'G',
    required: false,
    options: opts,
    rows: [
      { code: 'row_one', label: 'one' },
      { code: 'row_two', label: 'two' },
    ],
  },
  { code: 'rank', type: 'ranking', label: 'R', required: false, options: opts, rankTop: 3 },
  { code: 'short', type: 'short_text', label: 'T', required: false, maxLength: 10 },
  { code: 'long', type: 'long_text', label: 'L', required: false, maxLength: 100 },
  { code: 'count', type: 'number', label: 'N', required: false },
  { code: 'postcode', type: 'postcode', label: 'P', required: false },
  { code: 'ward', type: 'ward', label: 'W', required: false },
  { code: 'when', type: 'date', label: 'D', required: false },
];

describe('formAnswers', () => {
  it('turns a posted page into raw answers keyed by question and row code', () => {
    const body = {
      _csrf: 'token',
      single: 'b',
      multi: ['a', 'c'],
      row_one: 'c',
      row_two: 'a',
      rank__1: 'c',
      rank__2: '',
      rank__3: 'a',
      short: ' hello ',
      long: 'line one\r\nline two',
      count: '12',
      postcode: 'cv1 2gn',
      ward: 'earlsdon',
      'when-day': '7',
      'when-month': '3',
      'when-year': '2024',
      unrelated: 'ignored',
    };
    expect(formAnswers(QUESTIONS, body)).toEqual({
      single: 'b',
      multi: ['a', 'c'],
      row_one: 'c',
      row_two: 'a',
      rank: ['c', 'a'],
      short: ' hello ',
      long: 'line one\r\nline two',
      count: '12',
      postcode: 'cv1 2gn',
      ward: 'earlsdon',
      when: '2024-03-07',
    });
  });

  it('gives blanks for everything left empty, so they replace earlier answers', () => {
    expect(formAnswers(QUESTIONS, {})).toEqual({
      single: '',
      multi: [],
      row_one: '',
      row_two: '',
      rank: [],
      short: '',
      long: '',
      count: '',
      postcode: '',
      ward: '',
      when: '',
    });
  });

  it('reads a single ticked checkbox (a string) as a list, and the first of repeated text fields', () => {
    expect(formAnswers(QUESTIONS.slice(0, 2), { single: ['a', 'b'], multi: 'b' })).toEqual({ single: 'a', multi: ['b'] });
  });
});
