/**
 * Properties of reading police.uk files row by row (pure): each published header is recognised whatever its BOM and
 * spacing; a valid row of each layout reads to exactly the record its cells give; any other header or row is refused
 * with a message naming the column, and nothing makes either throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filled, hostileText, lsoaCode, month, point, text } from '../../../test-support/arbitraries.js';
import { HEADERS, kindOfHeader, type PoliceUkKind } from './formats.js';
import { readRow } from './rows.js';

const KINDS = Object.keys(HEADERS) as PoliceUkKind[];

const pad = (s: string) => fc.constantFrom(s, ` ${s}`, `${s} `, `\t${s}`);

describe('police.uk headers', () => {
  it('recognises each published header, with a byte order mark or spaces around its names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS).chain((kind) => fc.tuple(fc.constant(kind), fc.tuple(...HEADERS[kind].map(pad)))),
        fc.boolean(),
        ([kind, header], bom) => {
          const cells = bom ? [`\uFEFF${header[0]}`, ...header.slice(1)] : header;
          expect(kindOfHeader(cells)).toEqual({ kind });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives any other header a layout or a message saying what is wrong with it, never throwing', () => {
    const header = fc.oneof(
      fc.array(hostileText(20), { maxLength: 16 }),
      // A real header with a column lost, renamed or repeated.
      fc
        .tuple(fc.constantFrom(...KINDS), fc.nat(), hostileText(10))
        .map(([kind, at, name]) => HEADERS[kind].map((h, i) => (i === at % HEADERS[kind].length ? name : h))),
      fc.constantFrom(...KINDS).map((kind) => [...HEADERS[kind], ...HEADERS[kind]]),
    );
    fc.assert(
      fc.property(header, (cells) => {
        const read = kindOfHeader(cells);
        if ('kind' in read) expect(KINDS).toContain(read.kind);
        else expect(read.message).toMatch(/^The header is not/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('police.uk rows', () => {
  it('reads a valid street or outcomes row to exactly the record its cells give', () => {
    fc.assert(
      fc.property(
        fc.record({
          crimeId: fc.option(filled, { nil: null }),
          month,
          force: text,
          point,
          location: text,
          lsoaCode,
          lsoaName: text,
          category: filled,
          lastOutcome: fc.option(filled, { nil: null }),
          context: text,
        }),
        fc.constantFrom('street', 'outcomes') as fc.Arbitrary<'street' | 'outcomes'>,
        (r, kind) => {
          const crimeId = kind === 'outcomes' ? (r.crimeId ?? 'x') : r.crimeId;
          const cells = [
            crimeId ?? '',
            r.month,
            r.force,
            r.force,
            r.point ? String(r.point.longitude) : '',
            r.point ? String(r.point.latitude) : '',
            r.location,
            r.lsoaCode ?? '',
            r.lsoaName,
            r.category,
            kind === 'street' ? (r.lastOutcome ?? '') : '',
            r.context,
          ].slice(0, HEADERS[kind].length);
          const common = { month: r.month, force: r.force, point: r.point, lsoaCode: r.lsoaCode };
          expect(readRow(kind, cells)).toEqual(
            kind === 'street'
              ? { kind: 'street', crimeId, location: r.location, category: r.category, lastOutcome: r.lastOutcome, ...common }
              : { kind: 'outcome', crimeId, outcome: r.category, ...common },
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a valid stop and search row to exactly the record its cells give', () => {
    fc.assert(
      fc.property(
        fc.record({
          month,
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          point,
          cells: fc.array(text, { minLength: 15, maxLength: 15 }),
        }),
        (r) => {
          const occurredAt = `${r.month}-${String(r.day).padStart(2, '0')}T${String(r.hour).padStart(2, '0')}:30:00+00:00`;
          const cells = [...r.cells];
          cells[1] = occurredAt;
          cells[4] = r.point ? String(r.point.latitude) : '';
          cells[5] = r.point ? String(r.point.longitude) : '';
          expect(readRow('stop-and-search', cells)).toEqual({
            kind: 'stop-and-search',
            month: r.month,
            occurredAt,
            point: r.point,
            type: cells[0],
            gender: cells[6],
            ageRange: cells[7],
            officerEthnicity: cells[9],
            legislation: cells[10],
            objectOfSearch: cells[11],
            outcome: cells[12],
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads any row of any layout to a record or a problem naming one of the layout’s columns, never throwing', () => {
    const cells = fc.oneof(
      fc.array(hostileText(20), { maxLength: 18 }),
      // A valid-looking row with one cell made hostile.
      fc
        .tuple(
          fc.array(fc.constantFrom('2024-01', '-1.5', '52.4', 'E01000001', 'Burglary', ''), { minLength: 8, maxLength: 15 }),
          fc.nat(),
          hostileText(20),
        )
        .map(([row, at, bad]) => row.map((c, i) => (i === at % row.length ? bad : c))),
    );
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), cells, (kind, row) => {
        const read = readRow(kind, row);
        if ('kind' in read) {
          expect(read.month).toMatch(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/);
          if (read.point) {
            expect(Number.isFinite(read.point.longitude) && Number.isFinite(read.point.latitude)).toBe(true);
          }
        } else {
          expect(HEADERS[kind]).toContain(read.column);
          expect(read.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 800 },
    );
  });
});
