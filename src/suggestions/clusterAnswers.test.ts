import { describe, expect, it } from 'vitest';
import { clusterAnswers } from './clusterAnswers.js';

const TEXTS = [
  'Street lights broken on Elm Road',
  'Broken street lights near the park',
  'The street lights are broken and it is dark',
  'Dark alley with no street lights',
  'Dog fouling on the pavements',
  'Dog fouling everywhere in the park',
  'Owners do not pick up dog fouling',
  'Dog mess and fouling on paths',
  'More police patrols on foot',
  'Police patrols at night please',
  'Never see police patrols',
  'Want more police patrols',
  '',
  'n/a',
];

describe('clusterAnswers', () => {
  const clusters = clusterAnswers(TEXTS, (t) => t, { k: 3 });

  it('groups similar uncoded answers, each group with readable key terms and the quotes nearest its centre', () => {
    expect(clusters.map(({ keyTerms, size, examples }) => ({ keyTerms, size, examples }))).toEqual([
      {
        keyTerms: ['dog fouling', 'park'],
        size: 4,
        examples: ['Dog fouling on the pavements', 'Owners do not pick up dog fouling', 'Dog fouling everywhere in the park'],
      },
      {
        keyTerms: ['police patrols'],
        size: 4,
        examples: ['More police patrols on foot', 'Police patrols at night please', 'Never see police patrols'],
      },
      {
        keyTerms: ['street lights', 'dark', 'lights broken', 'park'],
        size: 4,
        examples: ['The street lights are broken and it is dark', 'Street lights broken on Elm Road', 'Broken street lights near the park'],
      },
    ]);
  });

  it('leaves out answers with no content words, and keeps the items it was given', () => {
    expect(clusters.flatMap((c) => c.members).sort()).toEqual(TEXTS.filter((t) => t.length > 3).sort());
    const objects = clusterAnswers(
      TEXTS.map((text, i) => ({ reference: `R${i}`, text })),
      (a) => a.text,
      { k: 3 },
    );
    expect(objects[0]?.examples[0]).toEqual({ reference: 'R4', text: 'Dog fouling on the pavements' });
  });

  it('is deterministic for a seed, drops groups smaller than minSize, and copes with too few answers', () => {
    expect(clusterAnswers(TEXTS, (t) => t, { k: 3 })).toEqual(clusters);
    expect(clusterAnswers(TEXTS, (t) => t, { k: 3, minSize: 5 })).toEqual([]);
    expect(clusterAnswers(['one answer'], (t) => t)).toEqual([]);
    expect(clusterAnswers([], (t: string) => t)).toEqual([]);
  });
});
