import type { SurveyDefinition } from './definition.js';
import type { IndicatorSet } from './indicatorSet.js';
import type { TemplateContext } from './templates/context.js';
import { CRIME_SURVEY_TEMPLATE_ID, crimeSurveyTemplate } from './templates/crimeSurvey.js';
import { CRIME_SURVEY_INDICATORS } from './templates/crimeSurveyIndicators.js';
import { MEMBERS_SURVEY_TEMPLATE_ID, membersSurveyTemplate } from './templates/membersSurvey.js';

export const TEMPLATE_IDS = [CRIME_SURVEY_TEMPLATE_ID, MEMBERS_SURVEY_TEMPLATE_ID, 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface ConsultationTemplate {
  id: TemplateId;
  name: string;
  audiences: ('public' | 'members' | 'partners')[];
  summary: string;
  purpose: string;
  /** What respondents are told about how their answers are used and who can see them. */
  privacyNotice: string;
  /** Version 1 of a new consultation's survey, for its partnership (createConsultation passes the plan themes). */
  definition(context: TemplateContext): SurveyDefinition;
  /** The headline indicators and extra breakdowns of its surveys' analysis; none for a template without them. */
  indicators?: IndicatorSet;
}

export const DEFAULT_LEGAL_BASIS =
  'Under the Crime and Disorder Act 1998 (sections 5 and 6) the council, police, fire and rescue service, health and probation must work together as a Community Safety Partnership to reduce crime and disorder, and must take account of the views of people in the area when setting their priorities.';

export const DEFAULT_PRIVACY_NOTICE =
  'Your answers are anonymous unless you choose to tell us who you are. We store only the first part of your postcode (for example CV1 2), never the full postcode. Answers are used only to develop the Community Safety Partnership Plan, are reported as statistics, and comments are published only with personal details removed. You can ask the partnership about your data at any time.';

/** For surveys answered by name (members signed in or through a personal link): never called anonymous. */
export const NAMED_PRIVACY_NOTICE =
  'Your answers are linked to your name: the community safety team can see who answered and what they said. Answers are used only to develop the Community Safety Partnership Plan, are reported as statistics, and comments are published only with names and personal details removed. You can ask the partnership about your data at any time.';

export const TEMPLATES: Record<TemplateId, ConsultationTemplate> = {
  [CRIME_SURVEY_TEMPLATE_ID]: {
    id: CRIME_SURVEY_TEMPLATE_ID,
    indicators: CRIME_SURVEY_INDICATORS,
    name: 'Crime Survey (public)',
    audiences: ['public'],
    summary: 'Tell us how safe you feel, what worries you about crime and anti-social behaviour, and what would make you feel safer.',
    purpose: 'Your views will shape the priorities of the Community Safety Partnership Plan.',
    privacyNotice: DEFAULT_PRIVACY_NOTICE,
    definition: ({ title }) => crimeSurveyTemplate({ title }),
  },
  [MEMBERS_SURVEY_TEMPLATE_ID]: {
    id: MEMBERS_SURVEY_TEMPLATE_ID,
    name: "Elected members' survey",
    audiences: ['members'],
    summary: "Councillors' views on community safety priorities in their wards and the partnership plan's themes.",
    purpose: "Members' views will be integrated into the Community Safety Partnership Plan.",
    privacyNotice: NAMED_PRIVACY_NOTICE,
    definition: ({ title, themes }) => membersSurveyTemplate({ title, themes }),
  },
  blank: {
    id: 'blank',
    name: 'Blank survey',
    audiences: ['public'],
    summary: '',
    purpose: '',
    privacyNotice: DEFAULT_PRIVACY_NOTICE,
    definition: ({ title }) => ({
      schemaVersion: 1,
      title,
      pages: [
        { code: 'about_you', title: 'About you', questions: [{ code: 'ward', type: 'ward', label: 'Which ward do you live in?', required: false }] },
      ],
    }),
  },
};

/** The indicator set of a consultation's template (its stored template id), or undefined when it has none. */
export function indicatorSetFor(templateId: string | undefined): IndicatorSet | undefined {
  return templateId !== undefined && Object.hasOwn(TEMPLATES, templateId) ? TEMPLATES[templateId as TemplateId].indicators : undefined;
}
