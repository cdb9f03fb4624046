/**
 * The analysis JSON from end to end against R (fixtures/analysis): the 2,000 fixture respondents go through the
 * response table, the margins CSV through parseMargins and weightsFromMargins, and the figures that reach the
 * JSON (question results, headline indicators, cross-tabs and their tests) are compared with R's survey package
 * and base R. src/stats/rFixture.test.ts checks the statistics functions themselves, more tightly.
 */
import { describe, expect, it } from 'vitest';
import { readCsvFixture, readFixture, readJsonFixture, relativeError } from '../../test-support/rFixtures.js';
import type { SurveyDefinition } from '../surveys/index.js';
import { SAFETY_OPTIONS } from '../surveys/templates/options.js';
import { analyseTable, analysisContext } from './analyseConsultation.js';
import { crossTab } from './crossTab.js';
import { crossTabResult } from './crossTabResult.js';
import { buildResponseTable } from './responseTable.js';
import type { QuestionResult } from './types.js';
import { parseMargins, weightsFromMargins } from './weighting.js';

interface Stat {
  names: string[];
  estimate: number[];
  se: number[];
  deff: number[];
}
interface ByStat {
  groups: string[];
  estimate: number[][];
  se: number[][];
}
interface Chisq {
  statistic: number;
  parameter: { ndf: number; ddf: number };
  p: number;
}
interface RSurvey {
  raked: {
    weights: number[];
    safeDark: Stat;
    safeDay: Stat;
    victim: Stat;
    safeDarkByWard: ByStat;
    safeDarkByChannel: ByStat;
    chisqSafeDarkWardF: Chisq;
    chisqVictimChannelF: Chisq;
    chisqSafeDarkAgeF: Chisq;
  };
}
interface RUnweighted {
  wilson: { x: number; n: number; ci: [number, number] }[];
  mcnemar: { table: [number, number, number, number]; uncorrected: { statistic: number; p: number } };
  pearson: { table: number[][]; result: { statistic: number; parameter: { df: number }; p: number }; expectedMin: number };
}

const R = readJsonFixture<RSurvey>('r-survey.json').raked;
interface RNotStated {
  notStated: Record<string, number>;
  weights: number[];
  safeDark: Omit<Stat, 'deff'>;
  safeDarkByChannel: ByStat;
  chisqSafeDarkChannelF: Chisq;
}
const NOT_STATED = readJsonFixture<RNotStated>('r-not-stated.json');
const UNWEIGHTED = readJsonFixture<RUnweighted>('r-unweighted.json');

// The fixture's age bands and ward names as a survey's option values and ward codes.
const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const ageCode = (band: string) => `age_${band.replace('-', '_').replace('+', '_plus')}`;
const WARDS = ['Bablake', 'Earlsdon', 'Foleshill', 'Henley', 'Radford', 'Wyken'].map((name) => ({ code: name.toLowerCase(), name }));
const wardCode = (name: string) => name.toLowerCase();

const option = (value: string) => ({ value, label: value });
const definition: SurveyDefinition = {
  schemaVersion: 1,
  title: 'R fixture',
  pages: [
    {
      code: 'fixture',
      title: 'Fixture',
      questions: [
        { code: 'ward', type: 'ward', label: 'Ward', required: false },
        { code: 'sex', type: 'single_choice', label: 'Sex', required: false, options: ['female', 'male'].map(option) },
        {
          code: 'age_band',
          type: 'single_choice',
          label: 'Age',
          required: false,
          options: [
            ...AGE_BANDS.map((b) => ({ value: ageCode(b), label: b })),
            { value: 'prefer_not_to_say', label: 'Prefer not to say', nonSubstantive: true },
          ],
        },
        {
          code: 'safety_area',
          type: 'rating_grid',
          label: 'How safe do you feel',
          required: false,
          rows: [
            { code: 'safe_day', label: 'during the day?' },
            { code: 'safe_dark', label: 'after dark?' },
          ],
          options: SAFETY_OPTIONS,
        },
        { code: 'victim', type: 'single_choice', label: 'Victim', required: false, options: ['no', 'yes'].map(option) },
      ],
    },
  ],
};

const answers = readCsvFixture('survey-data.csv').map((r) => ({
  channel: r.channel as string,
  ward: wardCode(r.ward as string),
  sex: r.sex as string,
  age_band: ageCode(r.age_band as string),
  safe_day: r.safe_day as string,
  safe_dark: r.safe_dark as string,
  victim: r.victim as string,
}));
const table = buildResponseTable(definition, answers, WARDS);
const marginsCsv = readFixture('margins.csv').replace(/^(ward|age_band),([^,]+),/gm, (_, variable: string, value: string) =>
  variable === 'ward' ? `ward,${wardCode(value)},` : `age_band,${ageCode(value)},`,
);
const rules = { suppressBelow: 10 };
const template = 'crime-survey';

// The analysis rakes to its default 1e-9 relative margin error, R to 1e-13: the JSON agrees to a few 1e-9 and is
// held to 1e-7 (the issue asks for 1e-6 on estimates, 1e-4 on standard errors). With weights raked to 1e-12 the
// statistics functions agree to about 1e-15 (src/stats/rFixture.test.ts).
const TOLERANCE = 1e-7;
const expectClose = (actual: number | null | undefined, expected: number) => {
  expect(actual).toBeTypeOf('number');
  expect(relativeError(actual as number, expected)).toBeLessThan(TOLERANCE);
};
const question = (questions: QuestionResult[], code: string) => questions.find((q) => q.code === code) as QuestionResult;

describe('analysis JSON against R: raked to sex, age band and ward from the margins CSV', () => {
  const margins = parseMargins(marginsCsv);
  if (!margins.ok) throw margins.error;
  const raked = weightsFromMargins(table, margins.margins);
  if (!raked.ok) throw raked.error;
  const weights = raked.weights;
  const result = analyseTable(table, { template, rules, weights });
  const ctx = analysisContext(table, { template, rules, weights });

  it('weights equal R rake() weights', () => {
    for (const [i, w] of R.weights.entries()) expectClose(weights.values[i], w);
    expect(result.weighting).toMatchObject({ variables: ['sex', 'age_band', 'ward'], converged: true });
  });

  it('question results: weighted percentages, standard errors, intervals and design effects equal svymean', () => {
    for (const [code, r] of [
      ['safe_dark', R.safeDark],
      ['safe_day', R.safeDay],
      ['victim', R.victim],
    ] as const) {
      const q = question(result.questions, code);
      expect(q.base).toMatchObject({ n: 2000, suppressed: false });
      expectClose(q.base.weightedN, 345_325);
      r.names.forEach((name, j) => {
        const row = q.options.find((o) => `${code}${o.value}` === name);
        expectClose(row?.weightedPercent, (r.estimate[j] as number) * 100);
        expectClose(row?.se, (r.se[j] as number) * 100);
        expectClose(row?.weightedCi95?.[0], ((r.estimate[j] as number) - 1.959963984540054 * (r.se[j] as number)) * 100);
      });
      // The JSON's design effect is R's deff = "replace": deff = TRUE without the finite population correction.
      expectClose(q.base.designEffect, (r.deff[0] as number) * (1 - 2000 / 345_325));
    }
  });

  it('cross-tabs: weighted column percentages and their standard errors equal svyby', () => {
    for (const [by, r] of [
      ['ward', R.safeDarkByWard],
      ['channel', R.safeDarkByChannel],
    ] as const) {
      const t = crossTab(ctx, 'safe_dark', by);
      // Channels nobody used (email, phone, ...) are empty columns after R's groups.
      const G = r.groups.length;
      expect(t.columns.slice(0, G).map((c) => c.label.toLowerCase())).toEqual(r.groups.map((g) => g.toLowerCase()));
      expect(t.columns.slice(G).every((c) => c.n === 0)).toBe(true);
      t.rows.forEach((row, j) => {
        row.cells.slice(0, G).forEach((cell, g) => {
          expectClose(cell?.weightedPercent, (r.estimate[g]?.[j] as number) * 100);
          expectClose(cell?.se, (r.se[g]?.[j] as number) * 100);
        });
      });
    }
  });

  it('the cross-tab JSON for scripts (saferplan analyse --crosstab, the crosstab API) carries the same figures as svyby and svychisq', () => {
    const json = crossTabResult(crossTab(ctx, 'safe_dark', 'ward'), { weighted: true, filters: {}, rules: result.rules });
    const r = R.safeDarkByWard;
    expect(json.cells).toHaveLength(4 * 6);
    for (const cell of json.cells) {
      const g = r.groups.findIndex((name) => wardCode(name) === cell.column);
      const j = json.rows.findIndex((row) => row.value === cell.row);
      expectClose(cell.weightedPercent, (r.estimate[g]?.[j] as number) * 100);
      expectClose(cell.se, (r.se[g]?.[j] as number) * 100);
    }
    expect(json.test?.method).toBe('rao-scott');
    expectClose(json.test?.statistic, R.chisqSafeDarkWardF.statistic);
    expectClose(json.test?.df[0], R.chisqSafeDarkWardF.parameter.ndf);
    expectClose(json.test?.df[1], R.chisqSafeDarkWardF.parameter.ddf);
    expectClose(json.test?.p, R.chisqSafeDarkWardF.p);
  });

  it('cross-tab tests: Rao-Scott F, its degrees of freedom and p equal svychisq', () => {
    for (const [q, by, r] of [
      ['safe_dark', 'ward', R.chisqSafeDarkWardF],
      ['victim', 'channel', R.chisqVictimChannelF],
      ['safe_dark', 'age_band', R.chisqSafeDarkAgeF],
    ] as const) {
      const test = crossTab(ctx, q, by).test;
      expect(test?.method).toBe('rao-scott');
      if (test?.method !== 'rao-scott') return;
      expectClose(test.statistic, r.statistic);
      expectClose(test.ndf, r.parameter.ndf);
      expectClose(test.ddf, r.parameter.ddf);
      expectClose(test.p, r.p);
    }
  });
});

describe('analysis JSON against base R, unweighted', () => {
  const result = analyseTable(table, { template, rules });

  it('safety after dark: count, percentage and Wilson interval equal prop.test', () => {
    const r = UNWEIGHTED.wilson.find((w) => w.n === 2000) as RUnweighted['wilson'][number];
    const dark = result.indicators?.safety[0]?.dark;
    expect(dark).toMatchObject({ n: r.n, count: r.x, percent: (r.x / r.n) * 100 });
    expectClose(dark?.ci95?.[0], r.ci[0] * 100);
    expectClose(dark?.ci95?.[1], r.ci[1] * 100);
  });

  it('safety by day against after dark: the paired counts and McNemar test equal mcnemar.test', () => {
    const [a, b, c, d] = UNWEIGHTED.mcnemar.table;
    const paired = result.indicators?.safety[0]?.paired;
    expect(paired).toMatchObject({ n: a + b + c + d, dayPercent: ((a + b) / 2000) * 100, darkPercent: ((a + c) / 2000) * 100 });
    expectClose(paired?.statistic, UNWEIGHTED.mcnemar.uncorrected.statistic);
    expectClose(paired?.p, UNWEIGHTED.mcnemar.uncorrected.p);
  });

  it('safe after dark by ward: the counts and Pearson test equal chisq.test', () => {
    const t = crossTab(analysisContext(table, { template, rules }), 'safe_dark', 'ward');
    expect(t.rows.map((row) => row.cells.map((cell) => cell?.count))).toEqual(UNWEIGHTED.pearson.table);
    expect(t.test).toMatchObject({ method: 'pearson', df: UNWEIGHTED.pearson.result.parameter.df });
    if (t.test?.method !== 'pearson') return;
    expectClose(t.test.statistic, UNWEIGHTED.pearson.result.statistic);
    expectClose(t.test.p, UNWEIGHTED.pearson.result.p);
    expectClose(t.test.minExpected, UNWEIGHTED.pearson.expectedMin);
  });
});

describe('analysis JSON against R: respondents who did not state sex or age band, raked as their own group at their sample share', () => {
  // As make-not-stated-fixture.R: sex blank for every 13th respondent, age band "prefer not to say" for every 17th.
  const notStated = answers.map((a, i) => ({
    ...a,
    sex: (i + 1) % 13 === 0 ? null : a.sex,
    age_band: (i + 1) % 17 === 0 ? 'prefer_not_to_say' : a.age_band,
  }));
  const table2 = buildResponseTable(definition, notStated, WARDS);
  // The fixture's own margins file, unchanged: age bands by label ("16-24") and wards by name, in any case.
  const margins = parseMargins(readFixture('margins.csv').replace(/^ward,([^,]+),/gm, (_, name: string) => `ward,${name.toUpperCase()},`));
  if (!margins.ok) throw margins.error;
  const raked = weightsFromMargins(table2, margins.margins);
  if (!raked.ok) throw raked.error;
  const weights = raked.weights;
  const ctx = analysisContext(table2, { template, rules, weights });

  it('weights equal R rake() with a "not stated" level per variable', () => {
    expect(weights.info?.notStated).toEqual(NOT_STATED.notStated);
    expect(weights.values.length).toBe(NOT_STATED.weights.length);
    for (const [i, w] of NOT_STATED.weights.entries()) expectClose(weights.values[i], w);
  });

  it('weighted percentages, standard errors and the Rao-Scott test equal svymean, svyby and svychisq', () => {
    const q = question(analyseTable(table2, { template, rules, weights }).questions, 'safe_dark');
    NOT_STATED.safeDark.names.forEach((name, j) => {
      const row = q.options.find((o) => `safe_dark${o.value}` === name);
      expectClose(row?.weightedPercent, (NOT_STATED.safeDark.estimate[j] as number) * 100);
      expectClose(row?.se, (NOT_STATED.safeDark.se[j] as number) * 100);
    });
    const t = crossTab(ctx, 'safe_dark', 'channel');
    const r = NOT_STATED.safeDarkByChannel;
    t.rows.forEach((row, j) => {
      row.cells.slice(0, r.groups.length).forEach((cell, g) => {
        expectClose(cell?.weightedPercent, (r.estimate[g]?.[j] as number) * 100);
        expectClose(cell?.se, (r.se[g]?.[j] as number) * 100);
      });
    });
    expect(t.test?.method).toBe('rao-scott');
    if (t.test?.method !== 'rao-scott') return;
    expectClose(t.test.statistic, NOT_STATED.chisqSafeDarkChannelF.statistic);
    expectClose(t.test.ndf, NOT_STATED.chisqSafeDarkChannelF.parameter.ndf);
    expectClose(t.test.ddf, NOT_STATED.chisqSafeDarkChannelF.parameter.ddf);
    expectClose(t.test.p, NOT_STATED.chisqSafeDarkChannelF.p);
  });
});
