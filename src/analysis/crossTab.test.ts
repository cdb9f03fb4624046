import { describe, expect, it } from 'vitest';
import { indicatorSetFor } from '../surveys/index.js';
import { crimeSurveyTemplate } from '../surveys/templates/crimeSurvey.js';
import { analysisContext } from './analyseConsultation.js';
import { availableBreakdowns, breakdownFor, crossTab } from './crossTab.js';
import { buildResponseTable } from './responseTable.js';
import { HAND_BUILT, WARDS } from './testFixtures.js';

const table = buildResponseTable(crimeSurveyTemplate(), HAND_BUILT, WARDS);

describe('crossTab', () => {
  it('column percentages and Pearson chi-square, with the small expected count warning', () => {
    const t = crossTab(analysisContext(table, { rules: { suppressBelow: 1 } }), 'safe_day', 'channel');
    expect(t.columns.slice(0, 2).map((c) => [c.value, c.n, c.status])).toEqual([
      ['online', 6, 'small'],
      ['paper', 2, 'small'],
    ]);
    expect(t.rows.map((r) => r.cells.slice(0, 2).map((c) => c?.count))).toEqual([
      [4, 0],
      [2, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(t.rows[0]!.cells[0]!.percent).toBeCloseTo((4 / 6) * 100, 12);
    // expected 3, 1 / 2.25, 0.75 / 0.75, 0.25: X² = 1/3 + 1 + 1/36 + 1/12 + 3/4 + 9/4 = 40/9, df 2, p = exp(-20/9)
    expect(t.test).toMatchObject({ method: 'pearson', df: 2, lowExpectedWarning: true, cellsExpectedBelow5: 6 });
    expect(t.test!.statistic).toBeCloseTo(40 / 9, 12);
    expect(t.test!.p).toBeCloseTo(Math.exp(-20 / 9), 10);
    expect(t.testNote).toMatch(/expected counts are below 5/);
  });

  it('suppresses small columns, leaves them out of the test, and says when nothing can be published', () => {
    const ctx = analysisContext(table, { rules: { suppressBelow: 5 } });
    const t = crossTab(ctx, 'safe_day', 'channel');
    expect(t.columns[1]).toMatchObject({ value: 'paper', n: 2, status: 'suppressed' });
    expect(t.rows.every((r) => r.cells[1] === null)).toBe(true);
    expect(t.test).toBeNull();
    const none = crossTab(analysisContext(table), 'safe_day', 'ward');
    expect(none.tooSmall).toBe(true);
    expect(none.message).toMatch(/Too small to publish/);
    expect(none.rows.every((r) => r.cells.every((c) => c === null))).toBe(true);
  });

  it('multiple choice by group: % of respondents in each group', () => {
    const t = crossTab(analysisContext(table, { rules: { suppressBelow: 1 } }), 'concerns', 'ward');
    expect(t.columns.map((c) => c.n)).toEqual([5, 1]);
    expect(t.rows.find((r) => r.value === 'asb')!.cells.map((c) => c?.count)).toEqual([3, 1]);
    expect(t.test).toBeNull();
  });

  it('ethnic group folds the 19 census tick boxes into 5 groups', () => {
    const t = buildResponseTable(
      crimeSurveyTemplate(),
      [{ ethnicity: 'asian_indian' }, { ethnicity: 'white_irish' }, { ethnicity: 'mixed_other' }, { ethnicity: 'prefer_not_to_say' }, {}],
      WARDS,
    );
    expect(Array.from(breakdownFor(t, 'ethnic_group', indicatorSetFor('crime-survey'))!.codes)).toEqual([0, 3, 2, -1, -1]);
  });

  it("offers ward, age band, sex, the template's own breakdowns and channel, when the survey asks them", () => {
    expect(availableBreakdowns(table, indicatorSetFor('crime-survey')).map((b) => b.code)).toEqual([
      'ward',
      'age_band',
      'sex',
      'ethnic_group',
      'disability',
      'channel',
    ]);
    expect(availableBreakdowns(table, indicatorSetFor('blank')).map((b) => b.code)).toEqual(['ward', 'age_band', 'sex', 'channel']);
    expect(() => crossTab(analysisContext(table, { template: 'blank' }), 'safe_day', 'disability')).toThrow(/not a breakdown/);
  });
});

describe('representativeness', () => {
  it('puts the sample profile beside the population and names the largest gaps', async () => {
    const { representativeness } = await import('./representativeness.js');
    const { resolveMargins } = await import('./weighting.js');
    // channel: 6 online, 4 paper in the sample; population 50/50 (values matched by label, in any case)
    const resolved = resolveMargins(
      table,
      new Map([
        [
          'Channel',
          [
            { value: 'ONLINE', population: 500 },
            { value: 'Paper', population: 500 },
          ],
        ],
      ]),
    );
    if (!resolved.ok) throw resolved.error;
    const r = representativeness(table, resolved.margins);
    expect(r.variables[0]!.rows.map((x) => [x.value, x.sampleCount, x.samplePercent, x.populationPercent, x.gapPoints])).toEqual([
      ['online', 6, 60, 50, 10],
      ['paper', 4, 40, 50, -10],
    ]);
    expect(r.largestGaps[0]).toEqual({ variable: 'channel', label: 'Online', gapPoints: 10 });
  });
});

describe('weighted crossTab', () => {
  it('gives weighted column percentages and the Rao-Scott test', () => {
    const t = crossTab(
      analysisContext(table, { rules: { suppressBelow: 1 }, weights: { values: [1, 2, 1, 2, 1, 2, 1, 2, 1, 2] } }),
      'safe_day',
      'channel',
    );
    // online: weights 1,2,1,2 very safe of 1,2,1,2,1,2 -> 6/9; paper: r7 (1, fairly safe), r8 (2, a bit unsafe) -> 1/3, 2/3
    expect(t.rows[0]!.cells[0]!.weightedPercent).toBeCloseTo((6 / 9) * 100, 10);
    expect(t.rows[1]!.cells[1]!.weightedPercent).toBeCloseTo((1 / 3) * 100, 10);
    expect(t.rows[2]!.cells[1]!.weightedPercent).toBeCloseTo((2 / 3) * 100, 10);
    expect(t.columns[0]!.weightedN).toBe(9);
    // The Rao-Scott test and the standard errors are checked against R's svychisq and svyby in rFixture.test.ts.
    expect(t.test?.method).toBe('rao-scott');
  });
});
