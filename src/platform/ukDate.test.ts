import { describe, expect, it } from 'vitest';
import { londonDay, readUkDateTime } from './ukDate.js';

describe('readUkDateTime', () => {
  it('reads day first, as the UK writes dates', () => {
    expect(readUkDateTime('05/02/2026')).toEqual({ instant: '2026-02-05T00:00:00.000Z', day: '2026-02-05', hasTime: false });
    expect(readUkDateTime('5/2/2026')).toEqual({ instant: '2026-02-05T00:00:00.000Z', day: '2026-02-05', hasTime: false });
    // Summer time: midnight in London is 23:00 UTC the day before.
    expect(readUkDateTime('05/07/2026')).toEqual({ instant: '2026-07-04T23:00:00.000Z', day: '2026-07-05', hasTime: false });
    expect(readUkDateTime('05/07/2026 14:30')).toEqual({ instant: '2026-07-05T13:30:00.000Z', day: '2026-07-05', hasTime: true });
    expect(readUkDateTime('05/07/2026 14:30:15')?.instant).toBe('2026-07-05T13:30:15.000Z');
  });

  it('reads ISO dates, local times and zoned instants', () => {
    expect(readUkDateTime('2026-02-05')).toEqual({ instant: '2026-02-05T00:00:00.000Z', day: '2026-02-05', hasTime: false });
    expect(readUkDateTime('2026-07-05T14:30')).toEqual({ instant: '2026-07-05T13:30:00.000Z', day: '2026-07-05', hasTime: true });
    expect(readUkDateTime('2026-07-05T23:30:00Z')).toEqual({ instant: '2026-07-05T23:30:00.000Z', day: '2026-07-06', hasTime: true });
    expect(readUkDateTime('2026-07-05T10:00:00+02:00')?.instant).toBe('2026-07-05T08:00:00.000Z');
  });

  it('refuses dates that do not exist and month-first dates', () => {
    for (const bad of ['31/02/2026', '12/13/2026', '2026-02-30', '05/02/26', 'yesterday', '05/02/2026 25:00', '', '2026-02-05T10:00:00+2']) {
      expect(readUkDateTime(bad), bad).toBeUndefined();
    }
  });
});

describe('londonDay', () => {
  it('is the calendar day in the UK', () => {
    expect(londonDay('2026-07-04T23:30:00.000Z')).toBe('2026-07-05');
    expect(londonDay('2026-01-04T23:30:00.000Z')).toBe('2026-01-04');
  });
});
