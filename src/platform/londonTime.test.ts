import { describe, expect, it } from 'vitest';
import { formatLondon, govukTime, londonDateOf, londonLocalToUtcIso } from './londonTime.js';

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
    expect(formatLondon('2024-10-02T22:59:59.000Z')).toBe('2 October 2024 at 11:59pm');
    expect(formatLondon('2024-07-09T23:00:00.000Z')).toBe('10 July 2024 at midnight');
    expect(formatLondon('2024-07-10T11:00:00.000Z')).toBe('10 July 2024 at 12pm');
    expect(formatLondon('2024-12-18T17:30:00.000Z')).toBe('18 December 2024 at 5:30pm');
    expect(formatLondon('2024-12-18T09:05:00.000Z')).toBe('18 December 2024 at 9:05am');
    expect(formatLondon('2024-12-18T00:30:00.000Z')).toBe('18 December 2024 at 12:30am');
    expect(formatLondon('2024-12-18T12:45:00.000Z', 'short')).toBe('18 Dec 2024, 12:45');
  });

  it('writes times of day as GOV.UK style does', () => {
    expect(govukTime(0, 0)).toBe('midnight');
    expect(govukTime(12, 0)).toBe('12pm');
    expect(govukTime(17, 30)).toBe('5:30pm');
    expect(govukTime(9, 0)).toBe('9am');
    expect(govukTime(23, 59)).toBe('11:59pm');
    expect(govukTime(0, 1)).toBe('12:01am');
    expect(govukTime(12, 5)).toBe('12:05pm');
  });

  it('gives the UK calendar date of an instant, across midnight in summer time', () => {
    expect(londonDateOf('2024-07-09T23:00:00.000Z')).toBe('2024-07-10');
    expect(londonDateOf('2024-10-02T22:59:59.000Z')).toBe('2024-10-02');
    expect(londonDateOf('2024-12-31T23:59:00.000Z')).toBe('2024-12-31');
  });
});
