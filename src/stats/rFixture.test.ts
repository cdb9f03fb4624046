/**
 * Agreement with R's survey package (fixtures/analysis: data, margins, make-fixture.R and R's output).
 * Estimates to 1e-6 absolute, standard errors to 1e-4 relative (in practice much closer), p-values tightly.
 */
import { describe, expect, it } from 'vitest';
import { readCsvFixture, readJsonFixture, relativeError } from '../../test-support/rFixtures.js';
import { byGroup, estimate } from './byGroup.js';
import { createDesign } from './design.js';
import { encodeMargin, type RakingMargin, rake } from './raking.js';
import { raoScottChiSquare } from './raoScott.js';
import { type WeightedMean, weightedMean, weightedProportions } from './weightedEstimates.js';

interface Stat {
  names: string[];
  estimate: number[];
  se: number[];
  deff?: number[];
}
/** groups x levels, one array per group. */
interface ByStat {
  groups: string[];
  columns: string[];
  estimate: number[][];
  se: number[][];
  deff: number[][];
}
interface Chisq {
  statistic: number;
  parameter: { ndf?: number; ddf?: number; df?: number };
  p: number;
}
interface Analysis {
  weights: number[];
  weightSummary: { min: number; max: number; mean: number; sum: number };
  safeDark: Stat;
  safeDay: Stat;
  victim: Stat;
  asbScore: Stat;
  safeDarkByWard: ByStat;
  safeDarkByChannel: ByStat;
  asbScoreBySex: ByStat;
  chisqSafeDarkWardF: Chisq;
  chisqSafeDarkWardChisq: Chisq;
  chisqVictimChannelF: Chisq;
  chisqSafeDarkAgeF: Chisq;
}
interface RSurvey {
  raked: Analysis;
  rakedFromBaseWeights: Analysis;
  unweightedDesign: { safeDark: Stat; chisqSafeDarkWardF: Chisq };
}

const R = readJsonFixture<RSurvey>('r-survey.json');

const rows = readCsvFixture('survey-data.csv');
const marginRows = readCsvFixture('margins.csv');
const n = rows.length;
const LEVELS = {
  sex: ['female', 'male'],
  age_band: ['16-24', '25-34', '35-44', '45-54', '55-64', '65+'],
  ward: ['Bablake', 'Earlsdon', 'Foleshill', 'Henley', 'Radford', 'Wyken'],
  channel: ['online', 'paper'],
  safe: ['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe'],
  victim: ['no', 'yes'],
};
const code = (column: string, levels: string[]) => Int32Array.from(rows, (r) => levels.indexOf(r[column] as string));
const sex = code('sex', LEVELS.sex);
const age = code('age_band', LEVELS.age_band);
const ward = code('ward', LEVELS.ward);
const channel = code('channel', LEVELS.channel);
const safeDark = code('safe_dark', LEVELS.safe);
const safeDay = code('safe_day', LEVELS.safe);
const victim = code('victim', LEVELS.victim);
const asbScore = Float64Array.from(rows, (r) => Number(r.asb_score));
const baseWeight = Float64Array.from(rows, (r) => Number(r.base_weight));

function margin(variable: string): RakingMargin {
  const pop = marginRows.filter((m) => m.variable === variable).map((m) => ({ value: m.value as string, population: Number(m.population) }));
  const r = encodeMargin(
    variable,
    rows.map((row) => row[variable]),
    pop,
  );
  if (!r.ok) throw r.error;
  return r.margin;
}
const margins = [margin('sex'), margin('age_band'), margin('ward')];
const calibration = margins.map((m) => ({ codes: m.codes, size: m.totals.length }));

// The issue asks for 1e-6 absolute and 1e-4 relative; the implementation agrees to about 1e-15, so hold it tighter.
const EST_ABS = 1e-9;
const SE_REL = 1e-8;

const arr = (v: number | number[] | undefined): number[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function expectStat(actual: { estimate: number; se: number; deff?: number | null }[], stat: Stat) {
  // jsonlite writes length-1 vectors as scalars.
  const r = { estimate: arr(stat.estimate), se: arr(stat.se), deff: stat.deff === undefined ? undefined : arr(stat.deff) };
  expect(actual.length).toBe(r.estimate.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a.estimate - (r.estimate[i] as number))).toBeLessThan(EST_ABS);
    expect(relativeError(a.se, r.se[i] as number)).toBeLessThan(SE_REL);
    if (r.deff) expect(relativeError(a.deff as number, r.deff[i] as number)).toBeLessThan(SE_REL);
  });
}

function expectBy(actual: ({ levels?: { estimate: number; se: number; deff: number | null }[] } | null)[], r: ByStat, nLevels: number) {
  const G = r.groups.length;
  for (let g = 0; g < G; g++) {
    const levels = (actual[g] as { levels: { estimate: number; se: number; deff: number | null }[] }).levels;
    for (let j = 0; j < nLevels; j++) {
      const a = levels[j] as { estimate: number; se: number; deff: number | null };
      expect(Math.abs(a.estimate - (r.estimate[g]?.[j] as number))).toBeLessThan(EST_ABS);
      expect(relativeError(a.se, r.se[g]?.[j] as number)).toBeLessThan(SE_REL);
      expect(relativeError(a.deff as number, r.deff[g]?.[j] as number)).toBeLessThan(SE_REL);
    }
  }
}

function expectChisq(actual: ReturnType<typeof raoScottChiSquare>, r: Chisq) {
  expect(relativeError(actual.statistic, r.statistic)).toBeLessThan(1e-6);
  if (r.parameter.ndf !== undefined) {
    expect(relativeError(actual.ndf as number, r.parameter.ndf)).toBeLessThan(1e-6);
    expect(relativeError(actual.ddf as number, r.parameter.ddf as number)).toBeLessThan(1e-6);
  } else {
    expect(actual.df).toBe(r.parameter.df);
  }
  expect(relativeError(actual.p, r.p)).toBeLessThan(1e-8);
}

for (const [label, key, base] of [
  ['raked from equal weights', 'raked', undefined],
  ['raked from base weights', 'rakedFromBaseWeights', baseWeight],
] as const) {
  describe(`R survey agreement: ${label}`, () => {
    const r = R[key];
    const raked = rake(margins, { baseWeights: base, epsilon: 1e-12 });
    if (!raked.ok) throw raked.error;
    const design = createDesign(raked.weights, calibration);

    it('raked weights equal R rake() weights', () => {
      let worst = 0;
      for (let i = 0; i < n; i++) worst = Math.max(worst, relativeError(raked.weights[i] as number, r.weights[i] as number));
      expect(worst).toBeLessThan(1e-9);
    });

    it('svymean of factors and a numeric score, with deff', () => {
      expectStat(estimate(design, weightedProportions(safeDark, 4))?.levels ?? [], r.safeDark);
      expectStat(estimate(design, weightedProportions(safeDay, 4))?.levels ?? [], r.safeDay);
      expectStat(estimate(design, weightedProportions(victim, 2))?.levels ?? [], r.victim);
      expectStat([estimate(design, weightedMean(asbScore)) as WeightedMean], r.asbScore);
    });

    it('svyby domain percentages: by a raking margin (ward) and by a variable that is not one (channel)', () => {
      expectBy(byGroup(design, { codes: ward, size: 6 }, weightedProportions(safeDark, 4)), r.safeDarkByWard, 4);
      expectBy(byGroup(design, { codes: channel, size: 2 }, weightedProportions(safeDark, 4)), r.safeDarkByChannel, 4);
      const means = byGroup(design, { codes: sex, size: 2 }, weightedMean(asbScore)).map((m) => (m ? { levels: [m] } : null));
      expectBy(means, r.asbScoreBySex, 1);
    });

    it('svychisq Rao-Scott F (default) and Chisq', () => {
      expectChisq(raoScottChiSquare(design, safeDark, 4, ward, 6), r.chisqSafeDarkWardF);
      expectChisq(raoScottChiSquare(design, safeDark, 4, ward, 6, { statistic: 'Chisq' }), r.chisqSafeDarkWardChisq);
      expectChisq(raoScottChiSquare(design, victim, 2, channel, 2), r.chisqVictimChannelF);
      expectChisq(raoScottChiSquare(design, safeDark, 4, age, 6), r.chisqSafeDarkAgeF);
    });
  });
}

describe('R survey agreement: unweighted design (no calibration)', () => {
  const design = createDesign(new Float64Array(n).fill(1));
  it('svymean and svychisq', () => {
    expectStat(estimate(design, weightedProportions(safeDark, 4))?.levels ?? [], R.unweightedDesign.safeDark);
    expectChisq(raoScottChiSquare(design, safeDark, 4, ward, 6), R.unweightedDesign.chisqSafeDarkWardF);
  });
});
