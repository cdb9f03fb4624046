import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { crimeSurveyTemplate } from '../surveys/templates/crimeSurvey.js';
import { analyseConsultation } from './analyseConsultation.js';
import type { CrossTab } from './crossTab.js';
import { headlineCharts, headlineFindings } from './dashboardHeadlines.js';
import { chartContext, chartFor, chartForCode, crossTabModel, filterSummaryOf, gridChartFor, gridRows, netRow } from './dashboardModel.js';
import { HAND_BUILT, WARDS } from './testFixtures.js';

const definition = crimeSurveyTemplate();
const ethnicity = definition.pages.flatMap((p) => p.questions).find((q) => q.code === 'ethnicity');
const ethnicCodes = ethnicity && 'options' in ethnicity ? ethnicity.options.filter((o) => !o.nonSubstantive).map((o) => o.value) : [];
// The hand-built ten, and one respondent in each of the 19 Census ethnic groups.
const answers = [...HAND_BUILT, ...ethnicCodes.map((code) => ({ channel: 'online', ethnicity: code }))];
const r = analyseConsultation(definition, answers, WARDS, { template: 'crime-survey', rules: { suppressBelow: 5 } });
const q = (code: string) => r.questions.find((x) => x.code === code)!;
const ctx = chartContext({
  consultation: { title: 'Crime Survey 2024', isDemo: true },
  partnership: { name: 'Testshire Community Safety Partnership' },
  result: r,
  filters: { ward: 'earlsdon' },
});
const doc = (svg: string) => parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
const texts = (svg: string) => [...doc(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('dashboard charts', () => {
  it('draws the 19 ethnic groups as 19 bars (the review saw 15, labels cut alike sharing bars)', () => {
    expect(ethnicCodes.length).toBe(19);
    const svg = chartFor(q('ethnicity'), ctx, false)!;
    // a white background and one bar per group, each with its own value label
    expect(doc(svg).querySelectorAll('rect').length).toBe(20);
    expect(texts(svg).filter((t) => t === '5.3%').length).toBe(19);
  });

  it('says where the figures come from, their base and the filters on every chart', () => {
    expect(ctx).toEqual({
      source: 'Source: Crime Survey 2024, Testshire Community Safety Partnership (demo data).',
      filters: ' Filters: Ward: Earlsdon.',
      weighted: false,
    });
    expect(filterSummaryOf(r, { channel: 'paper', ward: 'whoberley', sex: 'unknown_code' })).toEqual([
      'Channel: Paper',
      'Ward: Whoberley',
      'Sex: unknown_code',
    ]);
    const lines = texts(chartFor(q('concerns'), ctx, false)!);
    expect(lines[0]).toBe('Which of these concern you most in your area?');
    expect(lines.join(' ')).toContain('Base: all who chose at least one option, n = 6. Bars show % choosing each option. Filters: Ward: Earlsdon.');
    expect(lines.join(' ')).toContain('Source: Crime Survey 2024, Testshire Community Safety Partnership (demo data).');
  });

  it('draws a rating grid as one diverging chart with a band per row', () => {
    const rows = gridRows(r, 'safety_area');
    expect(rows.map((x) => x.code)).toEqual(['safe_day', 'safe_dark']);
    const svg = gridChartFor(rows, ctx, true)!;
    const lines = texts(svg);
    expect(lines[0]).toBe('How safe do you feel walking alone in this area…');
    // day: 87.5% very or fairly safe, 12.5% unsafe (whole numbers from 10%); after dark 25% and 75%
    expect(lines).toEqual(expect.arrayContaining(['during the day?', 'after dark?', '88%', '13%', '25%', '75%', 'Very safe', 'Very unsafe']));
    expect(lines.join(' ')).toContain("Base: those who answered each row, leaving out Don't know: during the day? n = 8; after dark? n = 8.");
    expect(doc(svg).querySelector('title')?.id).toBe('chart-grid-safety_area-title');
    expect(chartForCode(r, 'safety_area', ctx)).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(chartForCode(r, 'safe_day', ctx)).toContain('during the day?');
    expect(chartForCode(r, 'no_such_code', ctx)).toBeNull();
  });
});

describe('headline findings', () => {
  it('writes the figures that can be published as sentences', () => {
    expect(headlineFindings(r.indicators!, false)).toEqual([
      '25.0% feel very or fairly safe walking alone in the area after dark, compared with 87.5% during the day (a gap of 57.1 points, statistically significant).',
      'Noisy neighbours or loud parties is the problem most often called very or fairly big: 71.4% say so.',
      '50.0% perceive a high level of anti-social behaviour (a score of 11 or more out of 21).',
      'The top concerns are anti-social behaviour (66.7%), people using or dealing drugs (50.0%) and fly-tipping (33.3%).',
      '28.6% were a victim of crime or anti-social behaviour in the last 12 months.',
    ]);
  });

  it('draws the headline charts: safety by day and after dark, anti-social behaviour, top concerns', () => {
    const charts = headlineCharts(r.indicators!, ctx);
    expect(charts.map((c) => c.id)).toEqual(['chart-headline-safety', 'chart-headline-asb', 'chart-headline-concerns']);
    const safety = texts(charts[0]!.svg);
    expect(safety).toEqual(
      expect.arrayContaining(['In the area: during the day', '88%', 'In the area: after dark', '25%', 'In the centre: after dark']),
    );
    // the centre's rows are too small to publish: their bands stay, with no bar (a background, two legend swatches, two bars)
    expect(doc(charts[0]!.svg).querySelectorAll('rect').length).toBe(5);
    expect([...doc(charts[0]!.svg).querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).toEqual([
      '#ffffff',
      '#5694ca',
      '#003078',
      '#5694ca',
      '#003078',
    ]);
  });
});

describe('cross-tab total row', () => {
  const cell = (count: number, n: number) => ({ count, percent: (count / n) * 100, ci95: null });
  const t: Pick<CrossTab, 'rows'> = {
    rows: [
      { value: 'very_safe', label: 'Very safe', cells: [cell(3, 10), cell(1, 4), null] },
      { value: 'fairly_safe', label: 'Fairly safe', cells: [cell(4, 10), cell(1, 4), null] },
      { value: 'a_bit_unsafe', label: 'A bit unsafe', cells: [cell(2, 10), cell(2, 4), null] },
      { value: 'very_unsafe', label: 'Very unsafe', cells: [cell(1, 10), cell(0, 4), null] },
    ],
  };

  it('adds "very or fairly safe" for the safety scale, summing the top two in each column', () => {
    expect(netRow(t)).toEqual({
      value: 'very_safe+fairly_safe',
      label: 'Very or fairly safe',
      cells: [{ count: 7, percent: 70, ci95: null, weightedPercent: null }, { count: 2, percent: 50, ci95: null, weightedPercent: null }, null],
    });
  });

  it('adds none for other questions, and shows the total formatted on the dashboard', () => {
    expect(netRow({ rows: [{ value: 'yes', label: 'Yes', cells: [] }] })).toBeNull();
    const model = crossTabModel({
      ...t,
      question: { code: 'safe_dark', label: 'after dark?', type: 'rating_grid' },
      breakdown: { code: 'sex', label: 'Sex' },
      columns: [],
      tooSmall: false,
      message: null,
      test: null,
      testNote: null,
    } as CrossTab);
    expect(model.net).toEqual({
      label: 'Very or fairly safe',
      isNet: true,
      cells: [{ percent: '70.0%', count: 7, weightedPercent: '' }, { percent: '50.0%', count: 2, weightedPercent: '' }, null],
    });
  });
});
