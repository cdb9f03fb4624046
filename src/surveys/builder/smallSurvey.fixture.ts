/** A small survey the builder tests edit. */
import type { SurveyDefinition } from '../definition.js';
import type { EditResult } from './editResult.js';

export const SMALL_SURVEY: SurveyDefinition = {
  schemaVersion: 1,
  title: 'Small survey',
  pages: [
    {
      code: 'safety',
      title: 'Feeling safe',
      questions: [
        {
          code: 'safe_day',
          type: 'single_choice',
          label: 'How safe do you feel by day?',
          required: true,
          options: [
            { value: 'safe', label: 'Safe' },
            { value: 'unsafe', label: 'Unsafe' },
            { value: 'dont_know', label: "Don't know", nonSubstantive: true },
          ],
        },
        {
          code: 'why_unsafe',
          type: 'long_text',
          label: 'Why?',
          required: false,
          maxLength: 500,
          showIf: { question: 'safe_day', anyOf: ['unsafe'] },
        },
      ],
    },
    {
      code: 'about_you',
      title: 'About you',
      questions: [
        {
          code: 'age',
          type: 'number',
          label: 'How old are you?',
          required: false,
          min: 16,
          integer: true,
        },
      ],
    },
  ],
};

/** The definition of a successful edit (a test fails with the errors otherwise). */
export function ok(result: EditResult): SurveyDefinition {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.definition;
}

/** The field errors of a failed edit; [] when it succeeded. */
export const errors = (result: EditResult) => (result.ok ? [] : result.errors);
