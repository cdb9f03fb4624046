/** A small survey with one question of every kind the column store encodes, for its tests. */
import type { SurveyDefinition } from '../../surveys/index.js';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'dont_know', label: "Don't know", nonSubstantive: true as const },
];

export const EVERY_KIND: SurveyDefinition = {
  schemaVersion: 1,
  title: 'Every kind',
  pages: [
    {
      code: 'questions',
      title: 'Questions',
      questions: [
        { code: 'ward', type: 'ward', label: 'Ward', required: false },
        { code: 'lit', type: 'single_choice', label: 'Is your street lit?', required: false, options: yesNo },
        {
          code: 'grid',
          type: 'rating_grid',
          label: 'Safe',
          required: false,
          rows: [
            { code: 'grid_day', label: 'by day' },
            { code: 'grid_dark', label: 'after dark' },
          ],
          options: yesNo,
        },
        {
          code: 'worries',
          type: 'multiple_choice',
          label: 'Worries',
          required: false,
          options: [
            { value: 'asb', label: 'ASB' },
            { value: 'drugs', label: 'Drugs' },
            { value: 'none', label: 'None of these', nonSubstantive: true },
          ],
        },
        {
          code: 'priorities',
          type: 'ranking',
          label: 'Priorities',
          required: false,
          rankTop: 3,
          options: [
            { value: 'lights', label: 'Lights' },
            { value: 'patrols', label: 'Patrols' },
            { value: 'cctv', label: 'CCTV' },
          ],
        },
        { code: 'years', type: 'number', label: 'Years lived here', required: false },
        { code: 'why', type: 'long_text', label: 'Why?', required: false, maxLength: 500 },
      ],
    },
  ],
};

export const TWO_WARDS = [
  { code: 'earlsdon', name: 'Earlsdon' },
  { code: 'foleshill', name: 'Foleshill' },
];
