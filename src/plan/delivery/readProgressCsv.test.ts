import { describe, expect, it } from 'vitest';
import { readProgressCsv } from './readProgressCsv.js';

const refs = new Set(['A1', 'A2', 'A3']);

describe('readProgressCsv', () => {
  it('reads statuses by code or label, percentages with or without %, optional notes and dates', () => {
    const csv =
      '\uFEFFAction,Status,Progress,Note,Date\r\na1,on_track,40,Four days held,2025-06-30\nA2,At risk,20%,,\nA3,Complete,100,"Done, at last",\n';
    expect(readProgressCsv(csv, refs)).toEqual({
      ok: true,
      rows: [
        { row: 2, reference: 'A1', status: 'on_track', progress: 40, note: 'Four days held', date: '2025-06-30' },
        { row: 3, reference: 'A2', status: 'at_risk', progress: 20, note: '', date: null },
        { row: 4, reference: 'A3', status: 'complete', progress: 100, note: 'Done, at last', date: null },
      ],
    });
  });

  it('names every problem by row and column: unknown or repeated actions, bad statuses, progress and dates', () => {
    const csv = 'action,status,progress,note,date\nA9,on_track,10,,\nA1,finished,101,,2025-02-30\nA1,on_track,ten,,\n,on_track,5,,31/12/2025\n';
    expect(readProgressCsv(csv, refs)).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'action', message: 'There is no action A9 in this plan' },
        { row: 3, column: 'status', message: '"finished" is not a status: use Not started, On track, At risk, Off track, Complete' },
        { row: 3, column: 'progress', message: '"101" is not a whole number from 0 to 100' },
        { row: 3, column: 'date', message: '"2025-02-30" is not a date like 2025-06-30' },
        { row: 4, column: 'action', message: 'A1 is also on row 3' },
        { row: 4, column: 'progress', message: '"ten" is not a whole number from 0 to 100' },
        { row: 5, column: 'action', message: 'Enter the action’s reference (for example A1)' },
        { row: 5, column: 'date', message: '"31/12/2025" is not a date like 2025-06-30' },
      ],
    });
  });

  it('refuses a file without the columns it needs, or without rows', () => {
    expect(readProgressCsv('ref,state\nA1,on_track\n', refs)).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'status', message: 'The header has no status column (expected: action,status,progress,note,date)' },
        { row: 1, column: 'progress', message: 'The header has no progress column (expected: action,status,progress,note,date)' },
      ],
    });
    expect(readProgressCsv('action,status,progress\n', refs)).toEqual({
      ok: false,
      problems: [{ row: 2, column: '', message: 'The file has no rows under its header' }],
    });
    const broken = readProgressCsv('action,status,progress\n"A1,on_track,4\n', refs);
    expect(broken.ok).toBe(false);
  });

  it('refuses a note holding NUL, which PostgreSQL could not store (found by the properties)', () => {
    expect(readProgressCsv('action,status,progress,note\nA1,on_track,50,a\u0000b\n', new Set(['A1']))).toEqual({
      ok: false,
      problems: [{ row: 2, column: 'note', message: 'The note holds a NUL character, so the file is damaged' }],
    });
  });
});
