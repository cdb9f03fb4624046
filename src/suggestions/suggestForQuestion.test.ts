import { describe, expect, it } from 'vitest';
import { discoverThemes, suggestForQuestion } from './suggestForQuestion.js';
import { FIXTURE_CODED, FIXTURE_HELD_OUT, FIXTURE_THEMES } from './trainingFixture.js';

const coded = FIXTURE_CODED.map((a, i) => ({ reference: `C${i}`, ...a }));
const uncoded = FIXTURE_HELD_OUT.map((a, i) => ({ reference: `U${i}`, text: a.text }));

describe('suggestForQuestion', () => {
  it("gives each uncoded answer its reference, proposed themes with confidences, and approximate sentiment (the CLI's JSON)", () => {
    const out = suggestForQuestion({ themes: FIXTURE_THEMES, coded, uncoded });
    expect(out.map((s) => s.reference)).toEqual(['U0', 'U1', 'U2', 'U3', 'U4', 'U5']);
    expect(out.map((s) => s.themes.map((t) => t.theme))).toEqual(FIXTURE_HELD_OUT.map((a) => a.themes));
    expect(out.map((s) => s.themes.map((t) => t.confidence))).toEqual([[0.75], [0.67], [0.65], [0.69], [0.7], [0.7]]);
    expect(out.map((s) => s.sentiment)).toEqual(['neutral', 'neutral', 'negative', 'negative', 'neutral', 'negative']);
  });

  it('suggests nothing without a codebook, and nothing for no answers', () => {
    expect(suggestForQuestion({ themes: [], coded: [], uncoded: uncoded.slice(0, 1) })).toEqual([
      { reference: 'U0', themes: [], sentiment: 'neutral' },
    ]);
    expect(suggestForQuestion({ themes: FIXTURE_THEMES, coded, uncoded: [] })).toEqual([]);
  });
});

describe('discoverThemes', () => {
  it('returns candidate themes with key terms, sizes and quotes carrying their references', () => {
    const found = discoverThemes(coded, { k: 3 });
    expect(found.map((t) => t.size)).toEqual([14, 8, 7]);
    expect(found[2]).toEqual({
      keyTerms: ['youths', 'shouting', 'kids', 'gangs', 'night'],
      size: 7,
      quotes: [
        { reference: 'C0', text: 'Gangs of youths hanging around the shops every evening shouting' },
        { reference: 'C9', text: 'Youths smoking weed in the underpass and shouting abuse' },
        { reference: 'C3', text: 'Youths throwing stones at buses' },
      ],
    });
  });
});
