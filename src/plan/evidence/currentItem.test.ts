import { describe, expect, it } from 'vitest';
import { baselineFrom } from './currentItem.js';

describe('baselineFrom', () => {
  it('takes the figure an evidence value starts with, and says where it came from', () => {
    expect(baselineFrom({ value: '56.7% (n = 646)', source: 'Crime Survey 2024: all who chose their top concerns' })).toEqual({
      baseline: 56.7,
      note: '56.7% (n = 646): Crime Survey 2024: all who chose their top concerns',
    });
    expect(baselineFrom({ value: '1,846 (5.4 per 1,000 residents), down 6.1% on the year before', source: 'police.uk' })?.baseline).toBe(1846);
    expect(baselineFrom({ value: '63 coded comments', source: 'Crime Survey' })?.baseline).toBe(63);
  });

  it('gives nothing for a value that does not start with a figure', () => {
    expect(baselineFrom({ value: 'ranked 8 of 12, score 10', source: 'matrix' })).toBeNull();
    expect(baselineFrom({ value: '“Better lighting please”', source: 'quote' })).toBeNull();
    expect(baselineFrom({ value: '12abc', source: 'x' })).toBeNull();
  });
});
