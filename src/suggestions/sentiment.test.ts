import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.js';

describe('scoreSentiment', () => {
  it.each([
    ['The police were brilliant and very helpful', 'positive', 7],
    ['Drug dealing and vandalism make me feel unsafe', 'negative', -5],
    ['I walk to the shops on Tuesdays', 'neutral', 0],
    ['The officer was not helpful', 'negative', -1.5],
    ['Never rude, always polite', 'positive', 3.5],
    ['Nothing.', 'positive', 1],
    ["Can't think of anything to improve, nothing at all", 'positive', 1],
    ['Patrols should come sooner', 'negative', -2],
    ['', 'neutral', 0],
  ] as const)('%j is %s (score %d)', (text, sentiment, score) => {
    expect(scoreSentiment(text)).toEqual({ sentiment, score });
  });

  it('reads a negation only for the next three words', () => {
    expect(scoreSentiment('not that I would say it was good').score).toBe(3);
    expect(scoreSentiment('not very good').score).toBe(-1.5);
  });
});
