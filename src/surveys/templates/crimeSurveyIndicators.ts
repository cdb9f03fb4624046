/** The Crime Survey's headline indicators and the equality breakdowns it adds, as the analysis reads them. */
import type { IndicatorSet } from '../indicatorSet.js';
import { ASB_ITEMS, ASB_SCORES, HIGH_PERCEIVED_ASB_THRESHOLD, SAFE_VALUES, SAFETY_ROWS } from './crimeSurvey.js';
import { ETHNIC_GROUP_5 } from './equality.js';

const [safeDay, safeDark, safeCentreDay, safeCentreDark] = SAFETY_ROWS;

export const CRIME_SURVEY_INDICATORS: IndicatorSet = {
  safety: [
    { label: 'In the area', day: safeDay, dark: safeDark },
    { label: 'In the centre', day: safeCentreDay, dark: safeCentreDark },
  ],
  safeValues: SAFE_VALUES,
  asb: {
    items: ASB_ITEMS,
    problemValues: ['very_big_problem', 'fairly_big_problem'],
    scores: ASB_SCORES,
    highThreshold: HIGH_PERCEIVED_ASB_THRESHOLD,
  },
  concerns: 'concerns',
  victimisation: { victim: 'victim', reported: 'victim_reported', yesValues: ['yes'] },
  breakdowns: [
    {
      code: 'ethnic_group',
      label: 'Ethnic group (5 groups)',
      question: 'ethnicity',
      groups: {
        levels: [
          { value: 'asian', label: 'Asian, Asian British or Asian Welsh' },
          { value: 'black', label: 'Black, Black British, Black Welsh, Caribbean or African' },
          { value: 'mixed', label: 'Mixed or Multiple ethnic groups' },
          { value: 'white', label: 'White' },
          { value: 'other', label: 'Other ethnic group' },
        ],
        groupOf: ETHNIC_GROUP_5,
      },
    },
    { code: 'disability', label: 'Disability', question: 'disability' },
  ],
};
