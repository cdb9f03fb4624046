/** Option lists the templates share. Values are stable codes; labels may be reworded. */
import type { SurveyOption } from '../definition.js';

export const options = (pairs: [value: string, label: string][]): SurveyOption[] => pairs.map(([value, label]) => ({ value, label }));

export const DONT_KNOW: SurveyOption = {
  value: 'dont_know',
  label: "Don't know",
  nonSubstantive: true,
};
export const PREFER_NOT_TO_SAY: SurveyOption = {
  value: 'prefer_not_to_say',
  label: 'Prefer not to say',
  nonSubstantive: true,
};

/** The problems people are asked about in `concerns` (crime survey) and `ward_priorities` (members' survey). */
export const CONCERN_OPTIONS = options([
  ['fly_tipping', 'Fly-tipping'],
  ['asb', 'Anti-social behaviour'],
  ['vehicle_crime', 'Vehicle crime, such as cars being stolen or broken into'],
  ['drugs', 'People using or dealing drugs'],
  ['burglary', 'Burglary'],
  ['violence', 'Violent crime'],
  ['knife_crime', 'Knife crime'],
  ['shoplifting', 'Shoplifting'],
  ['road_safety', 'Road safety, such as speeding and dangerous driving'],
  ['hate_crime', 'Hate crime'],
  ['domestic_abuse', 'Domestic abuse'],
  ['exploitation', 'Exploitation of children or vulnerable adults'],
]);

export const SAFETY_OPTIONS: SurveyOption[] = [
  ...options([
    ['very_safe', 'Very safe'],
    ['fairly_safe', 'Fairly safe'],
    ['a_bit_unsafe', 'A bit unsafe'],
    ['very_unsafe', 'Very unsafe'],
  ]),
  DONT_KNOW,
];

/** GSS perceived ASB scale; ASB_SCORES gives the national scoring. */
export const PROBLEM_OPTIONS: SurveyOption[] = [
  ...options([
    ['very_big_problem', 'A very big problem'],
    ['fairly_big_problem', 'A fairly big problem'],
    ['not_very_big_problem', 'Not a very big problem'],
    ['not_a_problem', 'Not a problem at all'],
  ]),
  DONT_KNOW,
];

export const WORRY_OPTIONS: SurveyOption[] = [
  ...options([
    ['very_worried', 'Very worried'],
    ['fairly_worried', 'Fairly worried'],
    ['not_very_worried', 'Not very worried'],
    ['not_at_all_worried', 'Not at all worried'],
  ]),
  {
    value: 'not_applicable',
    label: 'Does not apply to me',
    nonSubstantive: true,
  },
];

export const AGREE_OPTIONS: SurveyOption[] = [
  ...options([
    ['strongly_agree', 'Strongly agree'],
    ['tend_to_agree', 'Tend to agree'],
    ['neither', 'Neither agree nor disagree'],
    ['tend_to_disagree', 'Tend to disagree'],
    ['strongly_disagree', 'Strongly disagree'],
  ]),
  DONT_KNOW,
];

export const IMPORTANCE_OPTIONS: SurveyOption[] = [
  ...options([
    ['very_important', 'Very important'],
    ['fairly_important', 'Fairly important'],
    ['not_very_important', 'Not very important'],
    ['not_at_all_important', 'Not at all important'],
  ]),
  DONT_KNOW,
];
