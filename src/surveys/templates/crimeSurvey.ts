/**
 * The `crime-survey` template: the public Crime Survey on the national (GSS harmonised) crime and fear of
 * crime wording, so local results compare with national ones. Plain data; codes are stable.
 */
import type { SurveyDefinition, SurveyPage } from '../definition.js';
import { equalityPage } from './equality.js';
import { AGREE_OPTIONS, CONCERN_OPTIONS, DONT_KNOW, options, PREFER_NOT_TO_SAY, PROBLEM_OPTIONS, SAFETY_OPTIONS, WORRY_OPTIONS } from './options.js';

export const CRIME_SURVEY_TEMPLATE_ID = 'crime-survey';

/** The seven national perceived-ASB items (national: true, scored 3..0, high perceived ASB at 11+) and local fly-tipping. */
export const ASB_ITEMS = [
  {
    code: 'asb_noisy_neighbours',
    label: 'Noisy neighbours or loud parties',
    national: true,
  },
  {
    code: 'asb_teenagers',
    label: 'Teenagers hanging around on the streets',
    national: true,
  },
  {
    code: 'asb_litter',
    label: 'Rubbish or litter lying around',
    national: true,
  },
  {
    code: 'asb_vandalism',
    label: 'Vandalism, graffiti and other deliberate damage to property or vehicles',
    national: true,
  },
  { code: 'asb_drugs', label: 'People using or dealing drugs', national: true },
  {
    code: 'asb_drunk',
    label: 'People being drunk or rowdy in public places',
    national: true,
  },
  {
    code: 'asb_abandoned_cars',
    label: 'Abandoned or burnt-out cars',
    national: true,
  },
  { code: 'asb_fly_tipping', label: 'Fly-tipping', national: false },
] as const;

/** The national scoring of the perceived-ASB scale; "dont_know" has no score. */
export const ASB_SCORES: Readonly<Record<string, number>> = {
  very_big_problem: 3,
  fairly_big_problem: 2,
  not_very_big_problem: 1,
  not_a_problem: 0,
};
export const HIGH_PERCEIVED_ASB_THRESHOLD = 11;

/** The four safety rows; the headline is the share answering very_safe or fairly_safe. */
export const SAFETY_ROWS = ['safe_day', 'safe_dark', 'safe_centre_day', 'safe_centre_dark'] as const;
export const SAFE_VALUES = ['very_safe', 'fairly_safe'] as const;

function whereYouLive(): SurveyPage {
  return {
    code: 'where_you_live',
    title: 'Where you live',
    intro: 'We use this to understand how people feel in different parts of the area.',
    questions: [
      {
        code: 'ward',
        type: 'ward',
        label: 'Which ward do you live in?',
        hint: 'If you are not sure, choose the nearest.',
        errorName: 'the ward you live in',
        required: false,
      },
      {
        code: 'postcode',
        type: 'postcode',
        label: 'What is your postcode?',
        hint: 'For example, CV1 2GN. We keep only the first part and the first number of the second part (CV1 2), never your full postcode.',
        errorName: 'your postcode',
        required: false,
      },
    ],
  };
}

function feelingSafe(centreName: string): SurveyPage {
  return {
    code: 'feeling_safe',
    title: 'Feeling safe',
    questions: [
      {
        code: 'safety_area',
        type: 'rating_grid',
        label: 'How safe do you feel walking alone in this area…',
        hint: 'By "this area" we mean within 15 minutes\' walk of your home.',
        required: true,
        rows: [
          {
            code: 'safe_day',
            label: 'during the day?',
            errorName: 'how safe you feel walking alone in this area during the day',
          },
          {
            code: 'safe_dark',
            label: 'after dark?',
            errorName: 'how safe you feel walking alone in this area after dark',
          },
        ],
        options: SAFETY_OPTIONS,
      },
      {
        code: 'safety_centre',
        type: 'rating_grid',
        label: `How safe do you feel walking alone in ${centreName}…`,
        required: true,
        rows: [
          {
            code: 'safe_centre_day',
            label: 'during the day?',
            errorName: `how safe you feel walking alone in ${centreName} during the day`,
          },
          {
            code: 'safe_centre_dark',
            label: 'after dark?',
            errorName: `how safe you feel walking alone in ${centreName} after dark`,
          },
        ],
        options: SAFETY_OPTIONS,
      },
    ],
  };
}

function problems(): SurveyPage {
  return {
    code: 'problems',
    title: 'Problems in your area',
    questions: [
      {
        code: 'asb_problems',
        type: 'rating_grid',
        label: 'How much of a problem are the following in your area?',
        required: false,
        rows: ASB_ITEMS.map((item) => ({
          code: item.code,
          label: item.label,
          errorName: `how much of a problem ${item.label.toLowerCase()} are`,
        })),
        options: PROBLEM_OPTIONS,
      },
      {
        code: 'concerns',
        type: 'multiple_choice',
        label: 'Which of these concern you most in your area?',
        hint: 'Select up to 3.',
        errorName: 'the problems that concern you most',
        required: false,
        maxChoices: 3,
        options: CONCERN_OPTIONS,
      },
    ],
  };
}

function worry(): SurveyPage {
  return {
    code: 'worry',
    title: 'Worry about crime',
    questions: [
      {
        code: 'worry_crime',
        type: 'rating_grid',
        label: 'How worried are you about…',
        required: false,
        rows: [
          {
            code: 'worry_burglary',
            label: 'having your home broken into and something stolen?',
            errorName: 'how worried you are about having your home broken into',
          },
          {
            code: 'worry_mugged',
            label: 'being mugged or robbed?',
            errorName: 'how worried you are about being mugged or robbed',
          },
          {
            code: 'worry_car_stolen',
            label: 'having your car stolen?',
            errorName: 'how worried you are about having your car stolen',
          },
          {
            code: 'worry_attacked',
            label: 'being physically attacked by strangers?',
            errorName: 'how worried you are about being attacked by strangers',
          },
        ],
        options: WORRY_OPTIONS,
      },
    ],
  };
}

function experience(): SurveyPage {
  return {
    code: 'experience',
    title: 'Your experience of crime',
    questions: [
      {
        code: 'victim',
        type: 'single_choice',
        label: 'In the last 12 months, have you been a victim of crime or anti-social behaviour in this area?',
        errorName: 'whether you have been a victim of crime or anti-social behaviour in the last 12 months',
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
        code: 'victim_reported',
        type: 'single_choice',
        label: 'Did you report it to the police or the council?',
        hint: 'If it happened more than once, think about the most recent time.',
        errorName: 'whether you reported it',
        required: false,
        showIf: { question: 'victim', anyOf: ['yes'] },
        options: [
          ...options([
            ['yes', 'Yes'],
            ['no', 'No'],
          ]),
          {
            value: 'dont_remember',
            label: "Don't remember",
            nonSubstantive: true,
          },
        ],
      },
      {
        code: 'victim_not_reported_why',
        type: 'multiple_choice',
        label: 'Why did you not report it?',
        hint: 'Select all that apply.',
        errorName: 'why you did not report it',
        required: false,
        showIf: { question: 'victim_reported', anyOf: ['no'] },
        options: options([
          ['too_trivial', 'It was too trivial or not worth reporting'],
          ['nothing_could_be_done', 'The police or council could not have done anything'],
          ['not_interested', 'The police or council would not have been interested'],
          ['did_not_know_how', 'I did not know how to report it'],
          ['too_difficult', 'Reporting was too difficult or would take too long'],
          ['fear_of_reprisal', 'I was afraid of what might happen if I reported it'],
          ['dealt_with_it', 'I dealt with it myself'],
          ['reported_elsewhere', 'I reported it to someone else, such as a landlord or employer'],
          ['other_reason', 'Another reason'],
        ]),
      },
    ],
  };
}

function confidence(): SurveyPage {
  return {
    code: 'confidence',
    title: 'The police and the council',
    questions: [
      {
        code: 'police_job',
        type: 'single_choice',
        label: 'Taking everything into account, how good a job do you think the police in this area are doing?',
        errorName: 'how good a job you think the police in this area are doing',
        required: false,
        options: [
          ...options([
            ['excellent', 'Excellent'],
            ['good', 'Good'],
            ['fair', 'Fair'],
            ['poor', 'Poor'],
            ['very_poor', 'Very poor'],
          ]),
          DONT_KNOW,
        ],
      },
      {
        code: 'deal_with_issues',
        type: 'single_choice',
        label:
          'How much do you agree or disagree that the police and the council are dealing with the anti-social behaviour and crime issues that matter in this area?',
        errorName: 'how much you agree or disagree',
        required: false,
        options: AGREE_OPTIONS,
      },
    ],
  };
}

function feelSafer(): SurveyPage {
  return {
    code: 'one_thing',
    title: 'Making you feel safer',
    questions: [
      {
        code: 'feel_safer',
        type: 'long_text',
        label: 'What one thing would make you feel safer?',
        hint: 'Do not include names, addresses or other details that could identify you or anyone else.',
        errorName: 'what one thing would make you feel safer',
        required: false,
        maxLength: 1000,
      },
    ],
  };
}

export interface CrimeSurveyTemplateOptions {
  /** How the centre is named in the centre safety questions: "the city centre" (default), "the town centre". */
  centreName?: string;
  title?: string;
}

export function crimeSurveyTemplate(opts: CrimeSurveyTemplateOptions = {}): SurveyDefinition {
  return {
    schemaVersion: 1,
    title: opts.title ?? 'Crime Survey',
    pages: [
      whereYouLive(),
      feelingSafe(opts.centreName ?? 'the city centre'),
      problems(),
      worry(),
      experience(),
      confidence(),
      feelSafer(),
      equalityPage(),
    ],
  };
}
