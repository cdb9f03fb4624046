import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hugeSharedStrings, sharedStringsXml, sheetXml, workbookParts, writeZip } from '../../test-support/xlsxFiles.js';
import { readXlsx } from './readXlsx.js';
import { DEFAULT_LIMITS, type TableLimits } from './tableRow.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function read(parts: Parameters<typeof writeZip>[1], limits: TableLimits = DEFAULT_LIMITS) {
  const file = path.join(dir, `${n++}.xlsx`);
  writeZip(file, parts);
  const rows = [];
  for await (const row of readXlsx(file, limits)) rows.push(row);
  return rows;
}
const failure = (parts: Parameters<typeof writeZip>[1], limits?: TableLimits) =>
  read(parts, limits).then(
    () => 'no error',
    (err: Error) => err.message,
  );

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const HEADER = `${inline('A1', 'ward')}${inline('B1', 'feel_safer')}${inline('C1', 'age')}`;

describe('reading an XLSX worksheet', () => {
  it('reads shared, inline, rich-text, number and boolean cells by the header, skipping empty rows', async () => {
    const rows = await read(
      workbookParts(
        sheetXml([
          HEADER,
          `${shared('A2', 0)}${shared('B2', 1)}<c r="C2"><v>34</v></c>`,
          '',
          `${inline('A4', 'wyken')}<c r="B4" t="inlineStr"><is><r><t>more </t></r><r><t>light</t></r></is></c><c r="C4" t="b"><v>1</v></c>`,
          `${inline('A5', 'foleshill')}<c r="B5" t="s"/>`,
        ]),
        sharedStringsXml([Buffer.from('earlsdon'), Buffer.from('Café &amp; more')]),
      ),
    );
    expect(rows).toEqual([
      { rowNumber: 2, cells: { ward: 'earlsdon', feel_safer: 'Café & more', age: '34' } },
      { rowNumber: 4, cells: { ward: 'wyken', feel_safer: 'more light', age: 'true' } },
      { rowNumber: 5, cells: { ward: 'foleshill', feel_safer: '', age: '' } },
    ]);
  });

  it('refuses a workbook whose directory declares more than the limit unpacked, before reading it', async () => {
    const parts = workbookParts(sheetXml([HEADER]), hugeSharedStrings(1, 10));
    (parts[4] as { declaredSize?: (n: number) => number }).declaredSize = () => 700 * 1_048_576;
    expect(await failure(parts)).toBe('The XLSX file unpacks to 700 MB, more than the 500 MB a workbook may hold');
  });

  it('counts the bytes as it inflates: a part that unpacks to more than it declares is refused', async () => {
    const parts = workbookParts(sheetXml([HEADER, shared('A2', 0)]), hugeSharedStrings(1, 5000));
    (parts[4] as { declaredSize?: (n: number) => number }).declaredSize = () => 100;
    expect(await failure(parts)).toBe('The XLSX file cannot be imported: its part xl/sharedStrings.xml unpacks to more than it declares');
  });

  it('names the cell that uses an over-long shared string, keeping only a bounded part of it in memory', async () => {
    expect(await failure(workbookParts(sheetXml([HEADER, `${inline('A2', 'earlsdon')}${shared('B2', 0)}`]), hugeSharedStrings(3, 3_000_000)))).toBe(
      'Row 2, column B: the cell holds more than 10,000 characters',
    );
  });

  it('names an over-long inline cell', async () => {
    expect(await failure(workbookParts(sheetXml([HEADER, `${inline('A2', 'earlsdon')}${inline('B2', 'x'.repeat(10_001))}`])))).toBe(
      'Row 2, column B: the cell holds more than 10,000 characters',
    );
  });

  it('refuses shared strings that hold more than their total limit', async () => {
    const limits = { ...DEFAULT_LIMITS, maxSharedChars: 1000 };
    const strings = Array.from({ length: 20 }, (_, i) => Buffer.from(`answer ${i} `.repeat(10)));
    expect(await failure(workbookParts(sheetXml([HEADER]), sharedStringsXml(strings)), limits)).toBe(
      'The XLSX file cannot be imported: its shared strings hold more than 1,000 characters',
    );
  });

  it('names the cell whose text has bytes that are not UTF-8, shared or inline', async () => {
    const bad = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(
      await failure(workbookParts(sheetXml([HEADER, `${inline('A2', 'earlsdon')}${shared('C2', 1)}`]), sharedStringsXml([Buffer.from('ok'), bad]))),
    ).toBe('Row 2, column C: the cell holds bytes that are not UTF-8 text, so the file is damaged; save it again from the spreadsheet');
    const sheet = Buffer.concat([sheetXml([HEADER])[0] as Buffer])
      .toString()
      .replace('</sheetData>', '<row r="2"><c r="A2" t="inlineStr"><is><t>PLACE</t></is></c></row></sheetData>');
    const [before, after] = sheet.split('PLACE') as [string, string];
    expect(await failure(workbookParts([Buffer.from(before), bad, Buffer.from(after)]))).toBe(
      'Row 2, column A: the cell holds bytes that are not UTF-8 text, so the file is damaged; save it again from the spreadsheet',
    );
  });

  it('refuses a file that is not a ZIP archive', async () => {
    const file = path.join(dir, 'not.xlsx');
    fs.writeFileSync(file, 'ward,feel_safer\n');
    await expect(readXlsx(file, DEFAULT_LIMITS).next()).rejects.toThrow(
      'The XLSX file could not be read: it is not a ZIP archive (an .xlsx file is one)',
    );
  });
});
