import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './readTable.js';
import { TableFormatError, type TableRow } from './tableRow.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-read-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const csv = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const read = async (file: string) => {
  const rows: TableRow[] = [];
  for await (const row of readTable(file)) rows.push(row);
  return rows;
};

// Counterexamples the property tests (readTable.property.test.ts) found, kept as examples.
describe('reading a CSV', () => {
  it('refuses a file with a byte order mark and bytes that are not of its encoding, rather than throwing where nothing catches it', async () => {
    const utf8 = csv('bad-utf8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ward\n'), Buffer.from([0xff, 0x0a])]));
    await expect(read(utf8)).rejects.toThrow(TableFormatError);
    const utf16 = csv('odd-utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ward\n', 'utf16le'), Buffer.from([0x41])]));
    await expect(read(utf16)).rejects.toThrow(TableFormatError);
  });

  it('refuses a header naming a column twice, which kept only the last column’s values', async () => {
    await expect(read(csv('twice.csv', 'ward,safe_day,ward\nearlsdon,very_safe,foleshill\n'))).rejects.toThrow(
      'Row 1: the column ward is given twice',
    );
  });

  it('reads a column named __proto__ as a cell like any other (it was dropped, so never reported as an unknown column)', async () => {
    const [row] = await read(csv('proto.csv', 'ward,__proto__\nearlsdon,x\n'));
    expect(Object.keys(row?.cells ?? {})).toEqual(['ward', '__proto__']);
    expect(Object.hasOwn(row?.cells ?? {}, '__proto__')).toBe(true);
  });
});
