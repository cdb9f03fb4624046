/**
 * Properties of a bulk progress update (pure): a file of valid rows, in any line ends and with any note, reads to
 * exactly its rows; any other file reads to problems naming row and column, never a throw.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText, wellFormed } from '../../../test-support/arbitraries.js';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../planTerms.js';
import { readProgressCsv } from './readProgressCsv.js';

const references = new Set(['A1', 'A2', 'A3', 'A10', 'B7']);
const note = hostileText(40)
  .map((s) => s.trim().replace(/\r\n?/g, '\n'))
  .filter((s) => wellFormed(s) && !s.includes('\u0000'));
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const row = fc.record({
  status: fc.constantFrom(...ACTION_STATUSES),
  label: fc.boolean(),
  progress: fc.integer({ min: 0, max: 100 }),
  percent: fc.boolean(),
  note,
  date: fc.option(day, { nil: null }),
});

describe('reading a progress CSV', () => {
  it('reads a file of valid rows to exactly its rows, whatever its line ends', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...references], { minLength: 1 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), (refs, lineEnd, bom) =>
        fc.assert(
          fc.property(fc.array(row, { minLength: refs.length, maxLength: refs.length }), (rows) => {
            const body = rows.map((r, i) => [
              (refs[i] as string).toLowerCase(),
              r.label ? ACTION_STATUS_LABELS[r.status].toUpperCase() : r.status,
              `${r.progress}${r.percent ? '%' : ''}`,
              r.note,
              r.date ?? '',
            ]);
            const text = `${bom ? '\uFEFF' : ''}${stringify([['action', 'status', 'progress', 'note', 'date'], ...body], { record_delimiter: lineEnd, quoted_match: /[\r\n]/ })}`;
            expect(readProgressCsv(text, references)).toEqual({
              ok: true,
              rows: rows.map((r, i) => ({ row: i + 2, reference: refs[i], status: r.status, progress: r.progress, note: r.note, date: r.date })),
            });
          }),
          { numRuns: 3 },
        ),
      ),
      { numRuns: 100 },
    );
  });

  it('reads any other file to problems naming row and column, never throwing', () => {
    const csv = fc.oneof(
      hostileText(200),
      // A valid row but for its note.
      fc
        .array(hostileText(30), { minLength: 1, maxLength: 3 })
        .map((notes) => stringify([['action', 'status', 'progress', 'note'], ...notes.map((n, i) => [`A${i + 1}`, 'on_track', '50', n])])),
      fc
        .array(
          fc.array(
            fc.oneof(
              hostileText(15),
              fc.constantFrom('A1', 'a2', 'On track', 'complete', '50', '100%', '101', '2025-02-30', 'action', 'status', 'progress'),
            ),
            { minLength: 1, maxLength: 6 },
          ),
          { maxLength: 6 },
        )
        .map((rows) => stringify([['action', 'status', 'progress', 'note', 'date'], ...rows])),
    );
    fc.assert(
      fc.property(csv, (text) => {
        const read = readProgressCsv(text, references);
        if (read.ok) {
          for (const r of read.rows) {
            expect(references.has(r.reference)).toBe(true);
            expect(r.note).not.toContain('\u0000');
          }
        } else
          for (const p of read.problems) {
            expect(p.row).toBeGreaterThanOrEqual(1);
            expect(p.message.length).toBeGreaterThan(0);
          }
      }),
      { numRuns: 500 },
    );
  });
});
