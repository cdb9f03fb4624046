/** The `members-survey` template: for elected members, about the ward they represent and the partnership's plan themes. */
import { slugify } from '../../platform/slugify.js';
import type { GridRow, SurveyDefinition, SurveyPage } from '../definition.js';
import type { TemplateTheme } from './context.js';
import { CONCERN_OPTIONS, IMPORTANCE_OPTIONS } from './options.js';

export const MEMBERS_SURVEY_TEMPLATE_ID = 'members-survey';

/** "Public place safety" -> "public place safety"; an acronym ("ASB hotspots") keeps its capitals. */
const inSentence = (title: string) => (/^[A-Z]{2}/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1));

/** One grid row per plan theme, coded from the theme's id (public-place -> theme_public_place), in the plan's order. */
export function themeRows(themes: readonly TemplateTheme[]): GridRow[] {
  // The page's own question codes share the namespace, so a theme called "comments" cannot take theme_comments.
  const taken = new Set<string>(['theme_importance', 'theme_comments']);
  return themes.map((theme) => {
    const base = `theme_${slugify(theme.id).replaceAll('-', '_')}`;
    let code = base;
    for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
    taken.add(code);
    return { code, label: theme.title, errorName: `how important ${inSentence(theme.title)} is` };
  });
}

/** The page asking how important each theme is; none when the partnership has no plan themes yet. */
function themesPage(themes: readonly TemplateTheme[]): SurveyPage[] {
  if (themes.length === 0) return [];
  return [
    {
      code: 'themes',
      title: 'The plan themes',
      intro: `The plan is built around ${themes.length === 1 ? 'one theme' : `${themes.length} themes`}.`,
      questions: [
        {
          code: 'theme_importance',
          type: 'rating_grid',
          label: 'How important is each theme for the people in your ward?',
          required: true,
          rows: themeRows(themes),
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
  ];
}

export function membersSurveyTemplate(opts: { title?: string; themes: readonly TemplateTheme[] }): SurveyDefinition {
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
      ...themesPage(opts.themes),
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
