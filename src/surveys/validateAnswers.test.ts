import { describe, expect, it } from 'vitest';
import { PLAN_THEMES } from '../partnerships/demo/coventry.js';
import type { SurveyDefinition } from './definition.js';
import { crimeSurveyTemplate } from './templates/crimeSurvey.js';
import { membersSurveyTemplate } from './templates/membersSurvey.js';
import { validateAnswers } from './validateAnswers.js';

const context = {
  wards: [
    { code: 'earlsdon', name: 'Earlsdon' },
    { code: 'st-michaels', name: "St Michael's" },
  ],
};
const crime = crimeSurveyTemplate();
const safety = {
  safe_day: 'very_safe',
  safe_dark: 'a_bit_unsafe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
};

function errorsFor(raw: Record<string, unknown>, def: SurveyDefinition = crime) {
  const result = validateAnswers(def, raw, context);
  return result.ok ? [] : result.errors;
}
function answersFor(raw: Record<string, unknown>, def: SurveyDefinition = crime) {
  const result = validateAnswers(def, raw, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
}

describe('answers keyed in or imported by staff', () => {
  const keyedIn = (raw: Record<string, unknown>) => validateAnswers(crime, raw, { ...context, keyedIn: true });

  it('keeps a required question left blank as not answered', () => {
    const result = keyedIn({ safe_day: 'very_safe' });
    expect(result.ok && result.answers).toMatchObject({ safe_day: 'very_safe', safe_dark: null, safe_centre_day: null, concerns: null });
    // Online, the same answers are refused.
    expect(errorsFor({ safe_day: 'very_safe' }).map((e) => e.field)).toContain('safe_dark');
  });

  it("takes an option's label for its code, in any case, and names the codes allowed for a wrong value", () => {
    const result = keyedIn({ safe_day: 'FAIRLY SAFE', concerns: 'Fly-tipping; DRUGS' });
    expect(result.ok && result.answers).toMatchObject({ safe_day: 'fairly_safe', concerns: ['fly_tipping', 'drugs'] });
    expect(keyedIn({ safe_day: 'terrified' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'safe_day',
          message: `"terrified" is not an option of safe_day: use one of very_safe, fairly_safe, a_bit_unsafe, very_unsafe, dont_know (or the option's label)`,
        },
      ],
    });
  });
});

describe('validateAnswers on the crime survey', () => {
  it('requires the four safety rows, naming each', () => {
    expect(errorsFor({})).toEqual([
      {
        field: 'safe_day',
        message: 'Select how safe you feel walking alone in this area during the day',
      },
      {
        field: 'safe_dark',
        message: 'Select how safe you feel walking alone in this area after dark',
      },
      {
        field: 'safe_centre_day',
        message: 'Select how safe you feel walking alone in the city centre during the day',
      },
      {
        field: 'safe_centre_dark',
        message: 'Select how safe you feel walking alone in the city centre after dark',
      },
    ]);
  });

  it('returns every shown column, null when left blank, hidden ones absent', () => {
    const answers = answersFor({
      ...safety,
      victim: 'no',
      concerns: '',
      feel_safer: '   ',
    });
    expect(answers.safe_dark).toBe('a_bit_unsafe');
    expect(answers.victim).toBe('no');
    expect(answers.concerns).toBeNull();
    expect(answers.feel_safer).toBeNull();
    expect('victim_reported' in answers).toBe(false);
    expect('victim_not_reported_why' in answers).toBe(false);
    expect(Object.keys(answers).length).toBe(30);
  });

  it('drops answers to hidden questions, even through a chain of conditions', () => {
    const answers = answersFor({
      ...safety,
      victim: 'no',
      victim_reported: 'no',
      victim_not_reported_why: 'too_trivial',
    });
    expect(answers.victim_reported).toBeUndefined();
    expect(answers.victim_not_reported_why).toBeUndefined();
    const shown = answersFor({
      ...safety,
      victim: 'yes',
      victim_reported: 'no',
      victim_not_reported_why: ['too_trivial', 'did_not_know_how'],
    });
    expect(shown.victim_reported).toBe('no');
    expect(shown.victim_not_reported_why).toEqual(['too_trivial', 'did_not_know_how']);
  });

  it('writes the same JSON for the same answers, whichever questions earlier submissions hid', () => {
    const given = { ...safety, ward: 'earlsdon', concerns: 'drugs;asb', feel_safer: 'More lighting' };
    const stored = () => JSON.stringify(answersFor({ ...given, victim: 'no' }));
    const first = stored();
    expect(Object.keys(answersFor({ ...given, victim: 'yes', victim_reported: 'no' }))).toContain('victim_not_reported_why');
    expect(Object.keys(answersFor({ ...given, victim: 'yes', victim_reported: 'yes' }))).toContain('victim_reported');
    expect(stored()).toBe(first);
    expect(first).toBe(
      '{"ward":"earlsdon","postcode":null,"safe_day":"very_safe","safe_dark":"a_bit_unsafe","safe_centre_day":"fairly_safe",' +
        '"safe_centre_dark":"very_unsafe","asb_noisy_neighbours":null,"asb_teenagers":null,"asb_litter":null,"asb_vandalism":null,' +
        '"asb_drugs":null,"asb_drunk":null,"asb_abandoned_cars":null,"asb_fly_tipping":null,"concerns":["asb","drugs"],' +
        '"worry_burglary":null,"worry_mugged":null,"worry_car_stolen":null,"worry_attacked":null,"victim":"no","police_job":null,' +
        '"deal_with_issues":null,"feel_safer":"More lighting","age_band":null,"sex":null,"gender_identity":null,"ethnicity":null,' +
        '"disability":null,"religion":null,"sexual_orientation":null}',
    );
  });

  it('reports unknown keys, and a grid code given instead of its rows', () => {
    expect(
      errorsFor({
        ...safety,
        favourite_colour: 'blue',
        safety_area: 'very_safe',
      }),
    ).toEqual([
      {
        field: 'favourite_colour',
        message: 'Unknown question code "favourite_colour"',
      },
      {
        field: 'safety_area',
        message: 'Unknown question code "safety_area": it is a grid, so give each row under its own code (safe_day, safe_dark)',
      },
    ]);
  });

  it('rejects a value that is not an option, accepting codes in any case', () => {
    expect(errorsFor({ ...safety, safe_dark: 'terrified' })).toEqual([
      {
        field: 'safe_dark',
        message: '"terrified" is not one of the options: select how safe you feel walking alone in this area after dark from the list',
      },
    ]);
    expect(answersFor({ ...safety, safe_dark: ' Very_Unsafe ' }).safe_dark).toBe('very_unsafe');
  });

  it('takes multiple choice as an array, a ";"-separated string or one string, in option order', () => {
    expect(answersFor({ ...safety, concerns: ['drugs', 'fly_tipping'] }).concerns).toEqual(['fly_tipping', 'drugs']);
    expect(answersFor({ ...safety, concerns: 'asb; drugs' }).concerns).toEqual(['asb', 'drugs']);
    expect(answersFor({ ...safety, concerns: 'asb' }).concerns).toEqual(['asb']);
    expect(answersFor({ ...safety, concerns: ['asb', '', 'asb'] }).concerns).toEqual(['asb']);
  });

  it('limits multiple choice to maxChoices', () => {
    expect(errorsFor({ ...safety, concerns: 'asb;drugs;burglary;violence' })).toEqual([{ field: 'concerns', message: 'Select no more than 3' }]);
    expect(errorsFor({ ...safety, concerns: 'asb;parking' })).toEqual([
      {
        field: 'concerns',
        message: '"parking" is not one of the options: select the problems that concern you most from the list',
      },
    ]);
  });

  it('keeps only the postcode sector and rejects unreal postcodes', () => {
    expect(answersFor({ ...safety, postcode: 'cv12gn' }).postcode).toBe('CV1 2');
    expect(answersFor({ ...safety, postcode: 'b11aa' }).postcode).toBe('B1 1');
    expect(errorsFor({ ...safety, postcode: 'CV1' })).toEqual([{ field: 'postcode', message: 'Enter a real postcode, like CV1 2GN' }]);
  });

  it('takes a ward by code or by name, and rejects others', () => {
    expect(answersFor({ ...safety, ward: 'earlsdon' }).ward).toBe('earlsdon');
    expect(answersFor({ ...safety, ward: "st michael's" }).ward).toBe('st-michaels');
    expect(errorsFor({ ...safety, ward: 'atlantis' })).toEqual([{ field: 'ward', message: 'Select the ward you live in from the list' }]);
  });

  it('limits free text length, counting characters not bytes', () => {
    expect(answersFor({ ...safety, feel_safer: ` ${'é'.repeat(1000)} ` }).feel_safer).toBe('é'.repeat(1000));
    expect(errorsFor({ ...safety, feel_safer: 'a'.repeat(1001) })).toEqual([
      {
        field: 'feel_safer',
        message: 'Your answer must be 1000 characters or less',
      },
    ]);
  });
});

describe('validateAnswers on other question types', () => {
  const def: SurveyDefinition = {
    schemaVersion: 1,
    title: 'Types',
    pages: [
      {
        code: 'p',
        title: 'P',
        questions: [
          {
            code: 'age',
            type: 'number',
            label: 'Age',
            errorName: 'your age',
            required: true,
            min: 16,
            max: 120,
            integer: true,
          },
          {
            code: 'count',
            type: 'number',
            label: 'Count',
            required: false,
            min: 0,
          },
          {
            code: 'score',
            type: 'number',
            label: 'Score',
            required: false,
            max: 10,
          },
          {
            code: 'when',
            type: 'date',
            label: 'When',
            errorName: 'the date it happened',
            required: false,
          },
          {
            code: 'nick',
            type: 'short_text',
            label: 'Nickname',
            required: false,
            maxLength: 5,
          },
        ],
      },
    ],
  };

  it('requires a number and checks its range', () => {
    expect(errorsFor({}, def)).toEqual([{ field: 'age', message: 'Enter your age' }]);
    expect(errorsFor({ age: 'forty' }, def)).toEqual([{ field: 'age', message: 'Your age must be a number' }]);
    expect(errorsFor({ age: '40.5' }, def)).toEqual([{ field: 'age', message: 'Your age must be a whole number' }]);
    expect(errorsFor({ age: 12 }, def)).toEqual([{ field: 'age', message: 'Your age must be between 16 and 120' }]);
    expect(errorsFor({ age: 40, count: -1, score: 11 }, def)).toEqual([
      { field: 'count', message: 'Your answer must be 0 or more' },
      { field: 'score', message: 'Your answer must be 10 or less' },
    ]);
    expect(answersFor({ age: ' 40 ', count: '1,250', score: 2.5 }, def)).toMatchObject({ age: 40, count: 1250, score: 2.5 });
  });

  it('accepts only real dates, ISO or day first as the UK writes them', () => {
    expect(answersFor({ age: 40, when: '2024-02-29' }, def).when).toBe('2024-02-29');
    expect(answersFor({ age: 40, when: new Date('2024-07-10T12:00:00Z') }, def).when).toBe('2024-07-10');
    expect(answersFor({ age: 40, when: '10/07/2024' }, def).when).toBe('2024-07-10');
    expect(answersFor({ age: 40, when: '5/2/2024' }, def).when).toBe('2024-02-05');
    for (const bad of ['2023-02-29', '07/31/2024', '2024-13-01', '2024-7-1', '29/02/2023']) {
      expect(errorsFor({ age: 40, when: bad }, def)).toEqual([
        {
          field: 'when',
          message: 'The date it happened must be a real date, like 10/07/2024 or 2024-07-10',
        },
      ]);
    }
  });

  it('uses plain defaults when a question has no errorName', () => {
    expect(errorsFor({ age: 40, nick: 'toolong' }, def)).toEqual([{ field: 'nick', message: 'Your answer must be 5 characters or less' }]);
  });
});

describe('validateAnswers on the members survey ranking', () => {
  const members = membersSurveyTemplate({ themes: PLAN_THEMES });
  const themes = {
    theme_offending: 'very_important',
    theme_public_place: 'fairly_important',
    theme_exploitation: 'dont_know',
  };

  it('keeps the rank order and limits it to the top 3', () => {
    expect(
      answersFor(
        {
          ward: 'earlsdon',
          ward_priorities: ['drugs', 'asb', 'fly_tipping'],
          ...themes,
        },
        members,
      ).ward_priorities,
    ).toEqual(['drugs', 'asb', 'fly_tipping']);
    expect(answersFor({ ward: 'earlsdon', ward_priorities: ['', 'drugs', ''], ...themes }, members).ward_priorities).toEqual(['drugs']);
    expect(
      errorsFor(
        {
          ward: 'earlsdon',
          ward_priorities: 'drugs;asb;burglary;violence',
          ...themes,
        },
        members,
      ),
    ).toEqual([{ field: 'ward_priorities', message: 'Select no more than 3' }]);
    expect(errorsFor({ ward: 'earlsdon', ward_priorities: ['drugs', 'drugs'], ...themes }, members)).toEqual([
      { field: 'ward_priorities', message: 'Select each option only once' },
    ]);
  });

  it('requires the ward, the priorities and each theme row', () => {
    expect(errorsFor({}, members)).toEqual([
      { field: 'ward', message: 'Select the ward you represent' },
      {
        field: 'ward_priorities',
        message: 'Select the priorities in your ward',
      },
      {
        field: 'theme_offending',
        message: 'Select how important reduction of offending, re-offending and serious organised crime is',
      },
      {
        field: 'theme_public_place',
        message: 'Select how important public place safety and reassurance is',
      },
      {
        field: 'theme_exploitation',
        message: 'Select how important tackling exploitation and protecting victims of crime is',
      },
    ]);
  });
});
