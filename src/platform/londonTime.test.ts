import { describe, expect, it } from 'vitest';
import { formatLondon, londonLocalToUtcIso } from './londonTime.js';

describe('londonLocalToUtcIso', () => {
  it('reads summer dates as BST (UTC+1) and winter dates as GMT', () => {
    expect(londonLocalToUtcIso('2024-07-10')).toBe('2024-07-09T23:00:00.000Z');
    expect(londonLocalToUtcIso('2024-12-18T09:30')).toBe('2024-12-18T09:30:00.000Z');
  });

  it('takes the end of the day for a closing date', () => {
    expect(londonLocalToUtcIso('2024-10-02', { endOfDay: true })).toBe('2024-10-02T22:59:59.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(londonLocalToUtcIso('2024-03-31T12:00')).toBe('2024-03-31T11:00:00.000Z');
    expect(londonLocalToUtcIso('2024-10-27T12:00')).toBe('2024-10-27T12:00:00.000Z');
  });

  it('rejects what is not a real date', () => {
    for (const bad of ['2024-02-30', '10/07/2024', '2024-07-10T25:00', '', 'tomorrow']) expect(londonLocalToUtcIso(bad)).toBeUndefined();
  });

  it('formats instants in UK time', () => {
    expect(formatLondon('2024-07-09T23:00:00.000Z', 'date')).toBe('10 July 2024');
    expect(formatLondon('2024-10-02T22:59:59.000Z')).toBe('2 October 2024 at 11:59 pm');
  });
});
