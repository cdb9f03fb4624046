import { describe, expect, it } from 'vitest';
import { multiLabelF1 } from './metrics.js';
import { suggestThemes, themeProbabilities, trainThemeModel } from './themeClassifier.js';
import { FIXTURE_CODED, FIXTURE_HELD_OUT, FIXTURE_THEMES } from './trainingFixture.js';

describe('trainThemeModel / suggestThemes', () => {
  const model = trainThemeModel(FIXTURE_THEMES, FIXTURE_CODED);

  it('learns three themes from ten coded answers each and codes unseen answers as a person did', () => {
    const predicted = FIXTURE_HELD_OUT.map((a) => suggestThemes(model, a.text).map((s) => s.theme));
    expect(predicted).toEqual(FIXTURE_HELD_OUT.map((a) => a.themes));
    expect(model.examples).toEqual([10, 11, 11]);
  });

  it('gives each suggestion a confidence between 0 and 1, most confident first, rounded to two decimals', () => {
    const s = suggestThemes(model, 'Drug dealers speeding in cars outside the school', { threshold: 0.3 });
    expect(s).toEqual([
      { theme: 'Drugs', confidence: 0.52 },
      { theme: 'Road safety', confidence: 0.51 },
    ]);
  });

  it('uses theme names and descriptions as examples: a theme nobody has coded yet can still be proposed', () => {
    const fresh = trainThemeModel(
      [...FIXTURE_THEMES, { name: 'Street lighting', description: 'Broken street lights, dark alleys, lamp posts' }],
      FIXTURE_CODED,
    );
    expect(suggestThemes(fresh, 'The street lights have been broken for months').map((s) => s.theme)).toEqual(['Street lighting']);
    expect(fresh.examples).toEqual([10, 11, 11, 0]);
  });

  it('proposes the likeliest theme with its low confidence when none reaches the threshold, unless told not to', () => {
    const text = 'The council should do something';
    const p = themeProbabilities(model, text);
    expect(Math.max(...p)).toBeLessThan(0.5);
    expect(suggestThemes(model, text)).toEqual([{ theme: 'Anti-social behaviour', confidence: 0.44 }]);
    expect(suggestThemes(model, text, { fallbackFloor: 1 })).toEqual([]);
  });

  it('is deterministic for a seed, and caps the number of themes', () => {
    const again = trainThemeModel(FIXTURE_THEMES, FIXTURE_CODED);
    expect(Array.from(themeProbabilities(again, 'needles in the park'))).toEqual(Array.from(themeProbabilities(model, 'needles in the park')));
    expect(suggestThemes(model, 'youths drugs speeding', { threshold: 0, max: 2 })).toHaveLength(2);
  });

  it('answers empty, non-English and enormous text without failing', () => {
    expect(suggestThemes(model, '', { fallbackFloor: 1 })).toEqual([]);
    expect(suggestThemes(model, 'Dim sylwadau 😀', { fallbackFloor: 1 })).toEqual([]);
    expect(suggestThemes(model, 'speeding '.repeat(50_000)).map((s) => s.theme)).toEqual(['Road safety']);
  });
});

describe('multiLabelF1', () => {
  it('pools decisions for micro-F1 and averages themes for macro-F1', () => {
    // A: tp 2, fp 1, fn 0 -> F1 0.8; B: tp 1, fp 0, fn 1 -> F1 2/3; C never seen nor predicted: left out.
    const r = multiLabelF1(['A', 'B', 'C'], [['A'], ['A', 'B'], ['B'], []], [['A'], ['A', 'B'], [], ['A']]);
    expect(r.micro).toBeCloseTo((2 * 3) / (2 * 3 + 1 + 1), 12);
    expect(r.macro).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    expect(r.perTheme.get('A')).toEqual({ truePositive: 2, falsePositive: 1, falseNegative: 0, f1: 0.8 });
  });
});
