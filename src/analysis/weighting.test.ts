/**
 * Weighting on real data: margins matched to codes or labels in any case, and respondents who did not state a
 * weighting variable raked as their own group at their sample share. Expected weights worked out by hand: with a
 * sample whose cells are a product of its margins, raking meets the margins in one sweep, so each cell's total weight
 * is (sex total) x (age total) / N. src/analysis/rFixture.test.ts checks the same method against R's rake().
 */
import { describe, expect, it } from 'vitest';
import type { Answers, SurveyDefinition } from '../surveys/index.js';
import { analyseTable } from './analyseConsultation.js';
import { buildResponseTable } from './responseTable.js';
import { parseMargins, weightsFromMargins } from './weighting.js';

const PREFER = { value: 'prefer_not_to_say', label: 'Prefer not to say', nonSubstantive: true as const };
const definition: SurveyDefinition = {
  schemaVersion: 1,
  title: 'Weighting',
  pages: [
    {
      code: 'about',
      title: 'About you',
      questions: [
        { code: 'ward', type: 'ward', label: 'Ward', required: false },
        {
          code: 'sex',
          type: 'single_choice',
          label: 'What is your sex?',
          required: false,
          options: [{ value: 'female', label: 'Female' }, { value: 'male', label: 'Male' }, { value: 'other', label: 'In another way' }, PREFER],
        },
        {
          code: 'age_band',
          type: 'single_choice',
          label: 'What is your age?',
          required: false,
          options: [{ value: 'age_16_44', label: '16 to 44' }, { value: 'age_45_plus', label: '45 or over' }, PREFER],
        },
        {
          code: 'victim',
          type: 'single_choice',
          label: 'Victim?',
          required: false,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
      ],
    },
  ],
};
const WARDS = [
  { code: 'E05001221', name: 'Earlsdon' },
  { code: 'E05001222', name: 'Foleshill' },
];

const weigh = (answers: Answers[], csv: string) => {
  const parsed = parseMargins(csv);
  if (!parsed.ok) throw parsed.error;
  const table = buildResponseTable(definition, answers, WARDS);
  return { table, outcome: weightsFromMargins(table, parsed.margins) };
};
const weightsOf = (answers: Answers[], csv: string) => {
  const { outcome } = weigh(answers, csv);
  if (!outcome.ok) throw outcome.error;
  return outcome.weights;
};
const times = (k: number, a: Answers) => Array.from({ length: k }, () => ({ ...a }));

describe('margins matched to codes or labels', () => {
  const answers = [...times(6, { sex: 'female' }), ...times(4, { sex: 'male' })];

  it('takes option labels and codes, and question codes, in any case', () => {
    const byLabel = weightsOf(answers, 'variable,value,population\nSEX,FEMALE,500\nSex, Male ,500\n');
    const byCode = weightsOf(answers, 'variable,value,population\nsex,female,500\nsex,male,500\n');
    expect(Array.from(byLabel.values)).toEqual(Array.from(byCode.values));
    expect(byLabel.values[0]).toBeCloseTo(500 / 6, 12);
    expect(byLabel.values[9]).toBeCloseTo(125, 12);
    expect(byLabel.info?.variables).toEqual(['sex']);
  });

  it('matches wards by code or by name', () => {
    const wards = [...times(3, { ward: 'E05001221' }), { ward: 'E05001222' }];
    const weights = weightsOf(wards, 'variable,value,population\nward,earlsdon,300\nward,E05001222,100\n');
    expect(Array.from(weights.values)).toEqual([100, 100, 100, 100]);
  });

  it('names the codes and labels allowed when a value is not an answer, and applies no weights', () => {
    const { outcome } = weigh(answers, 'variable,value,population\nsex,femal,500\nsex,male,500\n');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.message).toBe(
      'The margins give "sex" = "femal", which is not an answer to "sex". Use one of these codes or labels: female, male, other ("In another way"), prefer_not_to_say ("Prefer not to say").',
    );
  });

  it('refuses the same category twice, an unknown variable and a line without a value', () => {
    const twice = weigh(answers, 'variable,value,population\nsex,female,500\nsex,Female,500\n').outcome;
    expect(!twice.ok && twice.error.message).toBe('The margins give "sex" = "Female" twice (as "female" and "Female").');
    const unknown = weigh(answers, 'variable,value,population\nshoe_size,9,500\n').outcome;
    expect(!unknown.ok && unknown.error.message).toContain('The margins name "shoe_size", which is not a single-choice question of this survey');
    const blank = parseMargins('variable,value,population\nsex,female,500\nsex,,20\n');
    expect(!blank.ok && blank.error.message).toBe(
      'Line 3 of the margins file gives no value for "sex". Respondents who did not answer need no line: they are weighted in a "Not stated" group at their share of the sample.',
    );
  });

  it('still refuses a substantive answer the margins leave out, naming it and how many gave it', () => {
    const { outcome } = weigh([...answers, ...times(2, { sex: 'other' })], 'variable,value,population\nsex,female,500\nsex,male,500\n');
    expect(!outcome.ok && outcome.error.message).toBe(
      'The margins for "sex" do not cover "In another way" (other, 2 respondents), so the sample cannot be weighted to them. Add the category to the margins or leave "sex" out of the weighting.',
    );
  });
});

describe('respondents who did not state a weighting variable', () => {
  it('are raked as their own group at their share of the sample: one variable', () => {
    // 6 female, 3 male, 1 prefer not to say; N = 1000, not stated 1/10: female 600 x 0.9 = 540, male 360, not stated 100
    const answers = [...times(6, { sex: 'female' }), ...times(3, { sex: 'male' }), { sex: 'prefer_not_to_say' }];
    const weights = weightsOf(answers, 'variable,value,population\nsex,Female,600\nsex,Male,400\n');
    expect(Array.from(weights.values, (w) => Number(w.toFixed(10)))).toEqual([90, 90, 90, 90, 90, 90, 120, 120, 120, 100]);
    expect(weights.info?.notStated).toEqual({ sex: 1 });
  });

  it('are raked as their own group at their share of the sample: two variables, blank and prefer not to say', () => {
    // Sex F 8, M 4, not stated 4 (n = 16, share 1/4): totals 450, 300, 250. Age young 8, old 4, not stated 4: 225, 525, 250.
    // The sample's cells are sex x age counts (2,1,1) x (2,1,1), so each cell's total weight is sexTotal x ageTotal / 1000.
    const cell = (sex: string | null, age: string | null, k: number) => times(k, { sex, age_band: age });
    const answers = [
      ...cell('female', 'age_16_44', 4),
      ...cell('female', 'age_45_plus', 2),
      ...cell('female', null, 1),
      ...cell('female', 'prefer_not_to_say', 1),
      ...cell('male', 'age_16_44', 2),
      ...cell('male', 'age_45_plus', 1),
      ...cell('male', null, 1),
      ...cell(null, 'age_16_44', 1),
      ...cell('prefer_not_to_say', 'age_16_44', 1),
      ...cell(null, 'age_45_plus', 1),
      ...cell('prefer_not_to_say', 'prefer_not_to_say', 1),
    ];
    const weights = weightsOf(answers, 'variable,value,population\nsex,female,600\nsex,male,400\nage_band,16 to 44,300\nage_band,45 or over,700\n');
    const expected = [
      ...Array(4).fill((450 * 225) / 1000 / 4),
      ...Array(2).fill((450 * 525) / 1000 / 2),
      ...Array(2).fill((450 * 250) / 1000 / 2),
      ...Array(2).fill((300 * 225) / 1000 / 2),
      (300 * 525) / 1000,
      (300 * 250) / 1000,
      ...Array(2).fill((250 * 225) / 1000 / 2),
      (250 * 525) / 1000,
      (250 * 250) / 1000,
    ];
    expect(expected).toEqual([
      25.3125, 25.3125, 25.3125, 25.3125, 118.125, 118.125, 56.25, 56.25, 33.75, 33.75, 157.5, 75, 28.125, 28.125, 131.25, 62.5,
    ]);
    expect(weights.values.length).toBe(expected.length);
    expected.forEach((w, i) => {
      expect(weights.values[i]).toBeCloseTo(w, 8);
    });
    expect(weights.info?.notStated).toEqual({ sex: 4, age_band: 4 });
    // Weighted, the stated respondents are 75% of the total and split 60:40 as the population does.
    const result = analyseTable(weigh(answers, 'variable,value,population\nsex,female,600\nsex,male,400\n').table, {
      weights,
      rules: { suppressBelow: 1 },
    });
    const sex = result.questions.find((q) => q.code === 'sex');
    expect(sex?.options.map((o) => [o.value, Number(o.weightedCount?.toFixed(6))])).toEqual([
      ['female', 450],
      ['male', 300],
      ['other', 0],
    ]);
  });

  it('cannot weight to a variable nobody stated', () => {
    const { outcome } = weigh(times(3, { sex: 'prefer_not_to_say' }), 'variable,value,population\nsex,female,500\nsex,male,500\n');
    expect(!outcome.ok && outcome.error.message).toBe(
      'No respondent gave an answer to "sex" that the margins cover, so "sex" cannot be weighted to.',
    );
  });
});
