import { describe, expect, it } from 'vitest';
import { crimeSurveyTemplate } from '../surveys/templates/crimeSurvey.js';
import { analyseConsultation } from './analyseConsultation.js';
import { HAND_BUILT, WARDS } from './testFixtures.js';

const definition = crimeSurveyTemplate();
const rules = { suppressBelow: 5 };
const template = 'crime-survey';
const q = (r: ReturnType<typeof analyseConsultation>, code: string) => r.questions.find((x) => x.code === code)!;

describe('analyseConsultation on ten hand-built responses', () => {
  const r = analyseConsultation(definition, HAND_BUILT, WARDS, { template, rules });

  it('gives counts, percentages of the substantive base and Wilson intervals, with non-substantive answers apart', () => {
    expect(r.n).toBe(10);
    expect(r.weighted).toBe(false);
    const day = q(r, 'safe_day');
    expect(day.type).toBe('rating_grid');
    expect(day.grid).toEqual({ code: 'safety_area', label: 'How safe do you feel walking alone in this area…', rowLabel: 'during the day?' });
    expect(day.base).toMatchObject({
      n: 8,
      description: "Base: all who answered, excluding don't know, n = 8",
      status: 'small',
      small: true,
      suppressed: false,
    });
    expect(day.answered).toBe(9);
    expect(day.notAnswered).toBe(1);
    expect(day.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['very_safe', 4, 50],
      ['fairly_safe', 3, 37.5],
      ['a_bit_unsafe', 1, 12.5],
      ['very_unsafe', 0, 0],
    ]);
    expect(day.options[0]!.ci95![0]).toBeCloseTo(21.521606221387756, 10);
    expect(day.options[0]!.ci95![1]).toBeCloseTo(78.47839377861224, 10);
    expect(day.options[3]!.ci95).toEqual([0, expect.closeTo(32.440756488388026, 10)]);
    expect(day.nonSubstantive).toEqual([
      {
        value: 'dont_know',
        label: "Don't know",
        count: 1,
        percent: (1 / 9) * 100,
        ci95: [expect.closeTo(1.9890887638544936, 10), expect.closeTo(43.4999705576656, 10)],
      },
    ]);
  });

  it('multiple choice: % of respondents choosing each option, ranked', () => {
    const c = q(r, 'concerns');
    expect(c.base.n).toBe(6);
    expect(c.answered).toBe(6);
    expect(c.options.slice(0, 5).map((o) => [o.value, o.count, o.percent])).toEqual([
      ['asb', 4, (4 / 6) * 100],
      ['drugs', 3, 50],
      ['fly_tipping', 2, (2 / 6) * 100],
      ['burglary', 1, (1 / 6) * 100],
      ['vehicle_crime', 0, 0],
    ]);
    expect(c.options[1]!.ci95![0]).toBeCloseTo(18.761630648265054, 10);
  });

  it('ward questions use the partnership wards; free text counts who answered', () => {
    expect(q(r, 'ward').options.map((o) => [o.label, o.count])).toEqual([
      ['Earlsdon', 5],
      ['Whoberley', 4],
    ]);
    expect(q(r, 'feel_safer')).toMatchObject({ answered: 1, options: [], base: { n: 1, suppressed: true } });
  });

  it('suppresses every figure below the threshold', () => {
    const fly = q(r, 'asb_fly_tipping');
    expect(fly.base).toMatchObject({ n: 2, status: 'suppressed', suppressed: true });
    expect(fly.options.every((o) => o.count === null && o.percent === null && o.ci95 === null)).toBe(true);
    const centre = r.indicators!.safety[1]!;
    expect(centre.paired).toMatchObject({ n: 0, status: 'suppressed', differencePoints: null, p: null });
    expect(r.indicators!.victimisation!.reported).toMatchObject({ n: 2, count: null, percent: null, status: 'suppressed' });
    expect(r.indicators!.asb.flyTipping).toMatchObject({ n: 2, count: null, percent: null });
  });

  it('safety by day and after dark side by side with the McNemar paired test', () => {
    const area = r.indicators!.safety[0]!;
    expect(area.day).toMatchObject({ n: 8, count: 7, percent: 87.5 });
    expect(area.dark).toMatchObject({ n: 8, count: 2, percent: 25 });
    expect(area.day.ci95![0]).toBeCloseTo(52.91118177871464, 10);
    expect(area.paired.n).toBe(7);
    expect(area.paired.statistic).toBe(4);
    expect(area.paired.p).toBeCloseTo(0.04550026389635844, 10);
    expect(area.paired.differencePoints).toBeCloseTo(57.142857142857146, 10);
    expect(area.paired.ci95![0]).toBeCloseTo(20.482925230440586, 8);
    expect(area.paired.ci95![1]).toBeCloseTo(93.80278905527369, 8);
    expect(area.paired.significant).toBe(true);
  });

  it('perceived ASB: each item, the 0-21 score and % high (11+)', () => {
    const { asb: a } = r.indicators!;
    expect(a.items.find((i) => i.code === 'asb_noisy_neighbours')).toMatchObject({ n: 7, count: 5, percent: (5 / 7) * 100 });
    // scores 16, 11, 7, 0, 3, (don't know), 21
    expect(a.score).toMatchObject({ n: 6, mean: 58 / 6, highCount: 3, highPercent: 50, highThreshold: 11 });
  });

  it('top concerns ranked, victimisation rate', () => {
    expect(r.indicators!.topConcerns.slice(0, 2).map((o) => o.value)).toEqual(['asb', 'drugs']);
    expect(r.indicators!.victimisation!.rate).toMatchObject({ n: 7, count: 2, percent: (2 / 7) * 100 });
  });

  it('compares with a benchmark the analyst enters', () => {
    const b = analyseConsultation(definition, HAND_BUILT, WARDS, {
      template,
      rules,
      benchmarks: [
        { indicator: 'safe_dark', proportion: 0.49, label: 'Kensington and Chelsea' },
        { indicator: 'nonsense', proportion: 0.5, label: 'x' },
      ],
    });
    const [k, bad] = b.indicators!.benchmarks;
    expect(k).toMatchObject({ label: 'Kensington and Chelsea', localPercent: 25, benchmarkPercent: 49, method: 'one-sample score' });
    expect(k!.differencePoints).toBeCloseTo(-24, 10);
    // z = (0.25 - 0.49) / sqrt(0.49 * 0.51 / 8) = -1.35799
    expect(k!.distinguishable).toBe(false);
    expect(bad!.problem).toMatch(/no indicator "nonsense"/);
  });

  it('filters apply to everything', () => {
    const f = analyseConsultation(definition, HAND_BUILT, WARDS, { template, rules, filters: { channel: 'online' } });
    expect(f.n).toBe(6);
    expect(q(f, 'safe_day').base.description).toBe("Base: all who answered (within the filters), excluding don't know, n = 6");
    expect(f.indicators!.safety[0]!.day).toMatchObject({ n: 6, count: 6, percent: 100 });
    expect(() => analyseConsultation(definition, HAND_BUILT, WARDS, { filters: { ward: 'nowhere' } })).toThrow(/not an answer/);
  });

  it('weighted: weighted percent and linearised standard error beside the unweighted figures', () => {
    const w = analyseConsultation(definition, HAND_BUILT, WARDS, { template, rules, weights: { values: [1, 2, 1, 2, 1, 2, 1, 2, 1, 2] } });
    expect(w.weighted).toBe(true);
    const vs = q(w, 'safe_day').options[0]!;
    expect(vs).toMatchObject({ count: 4, percent: 50, weightedCount: 6 });
    expect(vs.weightedPercent).toBeCloseTo(50, 10);
    // se = sqrt(n/(n-1) Σ (z_i - z̄)²), z_i = w_i (y_i - p) / Σw over the domain
    expect(vs.se).toBeCloseTo(19.641855032959654, 8);
    expect(q(w, 'safe_day').base.weightedN).toBe(12);
    const day = w.indicators!.safety[0]!.day;
    expect(day.weightedPercent).toBeCloseTo(83.33333333333334, 10);
    expect(day.se).toBeCloseTo(15.767950338820743, 8);
  });
});

describe('headline indicators come from the template', () => {
  it('a survey from a template without an indicator set gets none, even when it asks the same questions', () => {
    for (const other of ['members-survey', 'blank', undefined]) {
      const r = analyseConsultation(definition, HAND_BUILT, WARDS, { rules, ...(other ? { template: other } : {}) });
      expect(r.indicators).toBeNull();
      expect(q(r, 'safe_day').base.n).toBe(8);
    }
  });

  it('a crime survey without the safety questions has none either', () => {
    const withoutSafety = { ...definition, pages: definition.pages.filter((p) => p.code !== 'feeling_safe') };
    expect(analyseConsultation(withoutSafety, HAND_BUILT, WARDS, { template, rules }).indicators).toBeNull();
  });
});
