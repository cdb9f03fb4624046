/**
 * Properties of reading an import file (readCsv, readXlsx): a table written by a spreadsheet (any encoding it saves,
 * any line ends, quoting, any text) reads back cell for cell under its header; any other file is refused with a
 * TableFormatError that says why, and never with any other error.
 */
import { isUtf8 } from 'node:buffer';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, hostileText, wellFormed } from '../../test-support/arbitraries.js';
import { tempFiles } from '../../test-support/tempFiles.js';
import { sheetXml, workbookParts, writeZip } from '../../test-support/xlsxFiles.js';
import { readTable } from './readTable.js';
import { DEFAULT_LIMITS, TableFormatError, type TableRow } from './tableRow.js';

const { fileOf } = tempFiles('read-property');

async function readAll(file: string, format: 'csv' | 'xlsx', limits = DEFAULT_LIMITS): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(file, format, limits)) rows.push(row);
  return rows;
}

/** The rows read, or the TableFormatError's message; any other error fails the property. */
async function outcome(file: string, format: 'csv' | 'xlsx', limits = DEFAULT_LIMITS): Promise<TableRow[] | string> {
  try {
    return await readAll(file, format, limits);
  } catch (err) {
    if (!(err instanceof TableFormatError)) throw new Error(`not a TableFormatError: ${(err as Error)?.stack ?? String(err)}`);
    expect(err.message.length).toBeGreaterThan(0);
    return err.message;
  }
}

/** A header of distinct names (question codes, or any text a person types) and rows of the same width. */
const table = (cell: fc.Arbitrary<string>) =>
  fc
    .uniqueArray(
      fc.oneof(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
        cellText(12).map((s) => s.trim()),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
      ),
      {
        minLength: 2,
        maxLength: 6,
        selector: (h) => h.trim(),
      },
    )
    .filter((header) => header.every((h) => h !== ''))
    .chain((header) =>
      fc.tuple(fc.constant(header), fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 8 })),
    );

const expectedRows = (header: string[], rows: string[][], skip: (row: string[]) => boolean) =>
  rows.flatMap((cells, i) => (skip(cells) ? [] : [{ rowNumber: i + 2, cells: Object.fromEntries(header.map((h, c) => [h, cells[c]])) }]));

/** How a spreadsheet saves text as CSV, and the text it can hold. */
const ENCODINGS = {
  'utf-8': (s: string) => Buffer.from(s, 'utf8'),
  'utf-8 with BOM': (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
  'utf-16le with BOM': (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
  'utf-16be with BOM': (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
} as const;

/** Windows-1252 (Excel's plain CSV in the UK): what it can write of text, byte for byte. */
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const windows1252 = (s: string) =>
  Buffer.from(
    [...s].map((ch) => {
      const code = ch.codePointAt(0) as number;
      const high = [
        0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a,
        0x9b, 0x9c, 0x9e, 0x9f,
      ];
      const at = CP1252_HIGH.indexOf(ch);
      return at >= 0 ? (high[at] as number) : code;
    }),
  );
const cp1252Text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...CP1252_HIGH),
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 12,
});

/** Cell text that survives any Unicode encoding: everything but lone surrogates. */
const unicodeCell = fc.oneof(cellText(20), hostileText(20)).filter((s) => wellFormed(s));

describe('reading a CSV', () => {
  it('reads back every cell of any table, in any encoding a spreadsheet saves, with any line ends and quoting', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(unicodeCell),
        fc.constantFrom(...(Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[])),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        async ([header, rows], encoding, lineEnd, quoteAll) => {
          // A spreadsheet quotes a cell holding a line break of either kind (csv-stringify on its own does not, with \r line ends).
          const text = stringify([header, ...rows], { record_delimiter: lineEnd, quoted: quoteAll, quoted_match: /[\r\n]/ });
          const read = await outcome(fileOf('csv', ENCODINGS[encoding](text)), 'csv');
          // A row of one empty line is skipped (a blank line), as every cell is empty.
          expect(read).toEqual(expectedRows(header, rows, (cells) => !quoteAll && cells.every((c) => c === '') && header.length === 1));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('reads a Windows-1252 file (Excel’s plain CSV) as the text it holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.constant<string[]>(['ward', 'feel_safer']), fc.array(fc.tuple(cp1252Text, cp1252Text), { maxLength: 6 })),
        fc.constantFrom('\n', '\r\n'),
        async ([header, rows], lineEnd) => {
          const text = stringify([header, ...rows], { record_delimiter: lineEnd });
          const bytes = windows1252(text);
          // Bytes that happen to be valid UTF-8 too ("Ã©" is é's) are read as UTF-8, as documented: not this property.
          fc.pre(bytes.every((b) => b < 0x80) || !isUtf8(bytes));
          expect(await outcome(fileOf('csv', bytes), 'csv')).toEqual(expectedRows(header, rows, () => false));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a header that names a column twice, naming it, rather than keeping one of its values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.constantFrom('', ' '),
        async (names, pick, pad) => {
          const twice = names[pick % names.length] as string;
          const header = [...names, `${pad}${twice}`];
          const text = stringify([header, header.map((_, i) => `v${i}`)]);
          const read = await outcome(fileOf('csv', text), 'csv');
          expect(read).toBe(`Row 1: the column ${twice} is given twice`);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses any other bytes with a TableFormatError, or reads rows keyed by exactly its header', async () => {
    const bom = fc.constantFrom(new Uint8Array(), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xfe, 0xff]));
    const hostileCsv = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc
        .array(fc.array(hostileText(30), { minLength: 1, maxLength: 5 }), { maxLength: 6 })
        .chain((rows) =>
          fc
            .constantFrom(',', ';', '\t', '"', '\r', '\n')
            .map((odd) => Buffer.from(rows.map((r) => r.join(',')).join(odd === ',' ? '\n' : `\n${odd}`), 'utf8')),
        ),
    );
    await fc.assert(
      fc.asyncProperty(bom, hostileCsv, fc.nat({ max: 400 }), async (start, body, cut) => {
        const bytes = Buffer.concat([start, body]).subarray(0, cut);
        const read = await outcome(fileOf('csv', bytes), 'csv');
        if (typeof read === 'string') return;
        const header = read[0] && Object.keys(read[0].cells);
        for (const row of read) {
          expect(Object.keys(row.cells)).toEqual(header);
          for (const v of Object.values(row.cells)) expect(typeof v).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a cell longer than the limit, naming its row and column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.nat({ max: 30 }), async (limit, over) => {
        const text = stringify([
          ['ward', 'feel_safer'],
          ['e', 'x'.repeat(limit)],
          ['e', 'y'.repeat(limit + 1 + over)],
        ]);
        const read = await outcome(fileOf('csv', text), 'csv', { ...DEFAULT_LIMITS, maxCellChars: limit });
        expect(read).toBe(`Row 3, feel_safer: the cell holds more than ${limit} characters`);
      }),
      { numRuns: 20 },
    );
  });
});

/** An XML text node as a spreadsheet writes it: characters XML can carry, escaped. */
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Characters XML 1.0 can carry and that a worksheet's text keeps as written (no carriage return). */
const xmlCell = cellText(20).filter((s) => wellFormed(s) && !/[\uFFFE\uFFFF]/.test(s));

const letters = (i: number) => String.fromCharCode(65 + i);

function inlineSheet(header: string[], rows: string[][]): Buffer[] {
  const row = (cells: string[], r: number) =>
    cells.map((c, i) => `<c r="${letters(i)}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c)}</t></is></c>`).join('');
  return sheetXml([header, ...rows].map((cells, i) => row(cells, i + 1)));
}

describe('reading an XLSX', () => {
  it('reads back every cell of any table, as written inline by a hand-made workbook', async () => {
    await fc.assert(
      fc.asyncProperty(table(xmlCell), async ([header, rows]) => {
        const file = fileOf('xlsx', '');
        writeZip(file, workbookParts(inlineSheet(header, rows)));
        // A row with nothing but spaces in it is no row, as in the spreadsheet.
        expect(await outcome(file, 'xlsx')).toEqual(expectedRows(header, rows, (cells) => cells.every((c) => c.trim() === '')));
      }),
      { numRuns: 60 },
    );
  });

  it('reads back every cell of any table saved by a real spreadsheet library (ExcelJS, shared strings)', async () => {
    await fc.assert(
      fc.asyncProperty(table(xmlCell.filter((s) => s.trim() === s)), async ([header, rows]) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(header);
        for (const r of rows) sheet.addRow(r);
        const file = fileOf('xlsx', '');
        await workbook.xlsx.writeFile(file);
        expect(await outcome(file, 'xlsx')).toEqual(expectedRows(header, rows, (cells) => cells.every((c) => c === '')));
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a header that names a column twice, naming it', async () => {
    const file = fileOf('xlsx', '');
    writeZip(file, workbookParts(inlineSheet(['ward', 'safe_day', ' ward'], [['earlsdon', 'very_safe', 'foleshill']])));
    expect(await outcome(file, 'xlsx')).toBe('Row 1: the column ward is given twice');
  });

  /** A real workbook's bytes, to be damaged. */
  let realBytes: Buffer | undefined;
  const real = async () => {
    if (!realBytes) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Responses');
      sheet.addRow(['ward', 'safe_day', 'feel_safer']);
      for (let i = 0; i < 20; i++) sheet.addRow(['earlsdon', 'very_safe', `More patrols ${i}`]);
      realBytes = Buffer.from(await workbook.xlsx.writeBuffer());
    }
    return realBytes;
  };

  it('refuses any damaged or foreign file named .xlsx with a TableFormatError: truncated, bytes changed, not a ZIP, hostile XML', async () => {
    const bytes = await real();
    const damaged = fc.oneof(
      fc.nat({ max: bytes.length }).map((cut) => bytes.subarray(0, cut)),
      fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((changes) => {
        const copy = Buffer.from(bytes);
        for (const [at, byte] of changes) copy[at] = byte;
        return copy;
      }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      fc.constantFrom(Buffer.alloc(0), Buffer.from('PK\u0003\u0004'), Buffer.from('ward,safe_day\nearlsdon,very_safe\n')),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (b) => {
        await outcome(fileOf('xlsx', b), 'xlsx');
      }),
      { numRuns: 80 },
    );
  });

  it('refuses any hostile worksheet XML with a TableFormatError, or reads rows keyed by exactly its header', async () => {
    const cellXml = fc.oneof(
      hostileText(20).map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`),
      fc.tuple(fc.constantFrom('s', 'n', 'b', 'd', 'e', 'str', ''), hostileText(10)).map(([t, v]) => `<c t="${t}"><v>${xmlEscape(v)}</v></c>`),
      fc.tuple(fc.stringMatching(/^[A-Z]{0,4}[0-9]{0,3}$/), hostileText(6)).map(([r, v]) => `<c r="${r}"><v>${xmlEscape(v)}</v></c>`),
      hostileText(20),
      fc.constantFrom('<c>', '</c>', '<row>', '<rPh><t>x</t></rPh>', '<![CDATA[x]]>', '&bogus;', '<!DOCTYPE x [<!ENTITY e "e">]>'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellXml, { maxLength: 4 }), { maxLength: 5 }), async (rows) => {
        const file = fileOf('xlsx', '');
        writeZip(file, workbookParts(sheetXml(rows.map((r) => r.join('')))));
        const read = await outcome(file, 'xlsx');
        if (typeof read === 'string') return;
        const header = read[0] && Object.keys(read[0].cells);
        for (const row of read) expect(Object.keys(row.cells)).toEqual(header);
      }),
      { numRuns: 80 },
    );
  });
});
