/** The `members-survey` template: for elected members, about the ward they represent and the plan's three themes. */
import type { SurveyDefinition } from '../definition.js';
import { CONCERN_OPTIONS, IMPORTANCE_OPTIONS } from './options.js';

export const MEMBERS_SURVEY_TEMPLATE_ID = 'members-survey';

/** The three plan themes as grid rows (Offender, Place, Victim). */
export const THEME_ROWS = [
  {
    code: 'theme_offending',
    label: 'Reduction of offending, re-offending and serious organised crime',
    errorName: 'how important reducing offending, re-offending and serious organised crime is',
  },
  {
    code: 'theme_public_place',
    label: 'Public place safety and reassurance',
    errorName: 'how important public place safety and reassurance is',
  },
  {
    code: 'theme_exploitation',
    label: 'Tackling exploitation and protecting victims of crime',
    errorName: 'how important tackling exploitation and protecting victims is',
  },
];

export function membersSurveyTemplate(opts: { title?: string } = {}): SurveyDefinition {
  return {
    schemaVersion: 1,
    title: opts.title ?? "Members' survey: Community Safety Partnership Plan",
    pages: [
      {
        code: 'your_ward',
        title: 'Your ward',
        questions: [
          {
            code: 'ward',
            type: 'ward',
            label: 'Which ward do you represent?',
            errorName: 'the ward you represent',
            required: true,
          },
          {
            code: 'ward_priorities',
            type: 'ranking',
            label: 'What are the three most important community safety priorities in your ward?',
            hint: 'Put them in order, starting with the most important.',
            errorName: 'the priorities in your ward',
            required: true,
            rankTop: 3,
            options: CONCERN_OPTIONS,
          },
        ],
      },
      {
        code: 'themes',
        title: 'The plan themes',
        intro: 'The plan is built around three themes: the offender, the place and the victim.',
        questions: [
          {
            code: 'theme_importance',
            type: 'rating_grid',
            label: 'How important is each theme for the people in your ward?',
            required: true,
            rows: THEME_ROWS,
            options: IMPORTANCE_OPTIONS,
          },
          {
            code: 'theme_comments',
            type: 'long_text',
            label: 'Is there anything the themes miss, or that you would change?',
            errorName: 'what the themes miss',
            required: false,
            maxLength: 2000,
          },
        ],
      },
      {
        code: 'partners',
        title: 'What partners should do',
        questions: [
          {
            code: 'partners_differently',
            type: 'long_text',
            label: 'What should the police, the council and other partners do differently to make your ward safer?',
            errorName: 'what partners should do differently',
            required: false,
            maxLength: 2000,
          },
          {
            code: 'other_comments',
            type: 'long_text',
            label: 'Do you have any other comments?',
            errorName: 'your other comments',
            required: false,
            maxLength: 2000,
          },
        ],
      },
    ],
  };
}
