/** Equality monitoring with Census 2021 categories (GSS harmonised), every question optional with "Prefer not to say". */
import type { SurveyPage } from '../definition.js';
import { options, PREFER_NOT_TO_SAY } from './options.js';

export type EthnicGroup5 = 'asian' | 'black' | 'mixed' | 'white' | 'other';

/** The 19 Census 2021 ethnic group tick boxes (England), in census order. */
export const ETHNICITY_OPTIONS = options([
  ['asian_indian', 'Asian, Asian British or Asian Welsh: Indian'],
  ['asian_pakistani', 'Asian, Asian British or Asian Welsh: Pakistani'],
  ['asian_bangladeshi', 'Asian, Asian British or Asian Welsh: Bangladeshi'],
  ['asian_chinese', 'Asian, Asian British or Asian Welsh: Chinese'],
  ['asian_other', 'Asian, Asian British or Asian Welsh: Any other Asian background'],
  ['black_african', 'Black, Black British, Black Welsh, Caribbean or African: African'],
  ['black_caribbean', 'Black, Black British, Black Welsh, Caribbean or African: Caribbean'],
  ['black_other', 'Black, Black British, Black Welsh, Caribbean or African: Any other Black, Black British or Caribbean background'],
  ['mixed_white_asian', 'Mixed or Multiple ethnic groups: White and Asian'],
  ['mixed_white_black_african', 'Mixed or Multiple ethnic groups: White and Black African'],
  ['mixed_white_black_caribbean', 'Mixed or Multiple ethnic groups: White and Black Caribbean'],
  ['mixed_other', 'Mixed or Multiple ethnic groups: Any other Mixed or Multiple background'],
  ['white_british', 'White: English, Welsh, Scottish, Northern Irish or British'],
  ['white_irish', 'White: Irish'],
  ['white_gypsy_traveller', 'White: Gypsy or Irish Traveller'],
  ['white_roma', 'White: Roma'],
  ['white_other', 'White: Any other White background'],
  ['other_arab', 'Other ethnic group: Arab'],
  ['other_any', 'Other ethnic group: Any other ethnic group'],
]);

/** Each of the 19 tick boxes to its Census 2021 high-level group (the code's prefix). */
export const ETHNIC_GROUP_5: Readonly<Record<string, EthnicGroup5>> = Object.fromEntries(
  ETHNICITY_OPTIONS.map((o) => [o.value, o.value.split('_')[0] as EthnicGroup5]),
);

export function equalityPage(): SurveyPage {
  return {
    code: 'about_you',
    title: 'About you',
    intro:
      'These questions are optional. We ask them to check that we hear from everyone in our community and to meet our equality duties. Your answers are kept anonymous.',
    questions: [
      {
        code: 'age_band',
        type: 'single_choice',
        label: 'What is your age?',
        errorName: 'your age',
        required: false,
        options: [
          ...options([
            ['age_16_24', '16 to 24'],
            ['age_25_34', '25 to 34'],
            ['age_35_44', '35 to 44'],
            ['age_45_54', '45 to 54'],
            ['age_55_64', '55 to 64'],
            ['age_65_74', '65 to 74'],
            ['age_75_plus', '75 or over'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
      {
        code: 'sex',
        type: 'single_choice',
        label: 'What is your sex?',
        hint: 'A question about gender identity will follow.',
        errorName: 'your sex',
        required: false,
        options: [
          ...options([
            ['female', 'Female'],
            ['male', 'Male'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
      {
        code: 'gender_identity',
        type: 'single_choice',
        label: 'Is the gender you identify with the same as your sex registered at birth?',
        errorName: 'whether the gender you identify with is the same as your sex registered at birth',
        required: false,
        options: [
          ...options([
            ['yes', 'Yes'],
            ['no', 'No'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
      {
        code: 'ethnicity',
        type: 'single_choice',
        label: 'What is your ethnic group?',
        hint: 'Choose the option that best describes your ethnic group or background.',
        errorName: 'your ethnic group',
        required: false,
        options: [...ETHNICITY_OPTIONS, PREFER_NOT_TO_SAY],
      },
      {
        code: 'disability',
        type: 'single_choice',
        label:
          'Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more that reduce your ability to carry out day-to-day activities?',
        hint: 'Answer "No" if you have no such condition, or if it does not reduce your ability to carry out day-to-day activities.',
        errorName: 'whether a long-term condition reduces your ability to carry out day-to-day activities',
        required: false,
        options: [
          ...options([
            ['yes_a_lot', 'Yes, a lot'],
            ['yes_a_little', 'Yes, a little'],
            ['no', 'No'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
      {
        code: 'religion',
        type: 'single_choice',
        label: 'What is your religion?',
        errorName: 'your religion',
        required: false,
        options: [
          ...options([
            ['no_religion', 'No religion'],
            ['christian', 'Christian (including Church of England, Catholic, Protestant and all other Christian denominations)'],
            ['buddhist', 'Buddhist'],
            ['hindu', 'Hindu'],
            ['jewish', 'Jewish'],
            ['muslim', 'Muslim'],
            ['sikh', 'Sikh'],
            ['other_religion', 'Any other religion'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
      {
        code: 'sexual_orientation',
        type: 'single_choice',
        label: 'Which of the following best describes your sexual orientation?',
        errorName: 'your sexual orientation',
        required: false,
        options: [
          ...options([
            ['straight', 'Straight or heterosexual'],
            ['gay_lesbian', 'Gay or lesbian'],
            ['bisexual', 'Bisexual'],
            ['other_orientation', 'Other sexual orientation'],
          ]),
          PREFER_NOT_TO_SAY,
        ],
      },
    ],
  };
}
