import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { loadConsultation, loadSurveyDefinition } from '../consultations/queries/loadConsultation.js';
import { ConsultationRuntimeCache } from '../consultations/runtime.js';
import { cliActor } from '../platform/recordAudit.js';
import { exportHeader, writeCsv, writeXlsx } from './exportResponses.js';
import { ImportRejected, importResponses } from './importResponses.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-import-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

const GOOD = `ward,postcode,safe_day,safe_dark,safe_centre_day,safe_centre_dark,concerns,feel_safer,channel,submitted_at
Earlsdon,CV5 6AB,very_safe,fairly_safe,fairly_safe,a_bit_unsafe,fly_tipping;drugs,"More patrols, please",paper,2024-07-15
foleshill,,fairly_safe,very_unsafe,dont_know,very_unsafe,asb,,email,2024-08-01T10:00:00Z
`;

describeEachEngine('importing and exporting responses', ({ handle }) => {
  let consultationId: string;
  let partnershipId: string;
  const run = (f: string) =>
    importResponses({ handle: handle(), runtimes: new ConsultationRuntimeCache(handle().db), actor: cliActor(), consultationId, file: f });
  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle()));
  });

  it('rejects a file with any bad row, reporting every problem by row and column, and imports nothing', async () => {
    const bad = file(
      'bad.csv',
      `ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,concerns,colour,channel
earlsdon,very_safe,fairly_safe,very_safe,very_safe,fly_tipping,blue,paper
atlantis,very_safe,sometimes,very_safe,very_safe,fly_tipping;asb;drugs;burglary,,pigeon
`,
    );
    const err = await run(bad).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect(err.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '2:colour',
      '3:channel',
      '3:ward',
      '3:safe_dark',
      '3:concerns',
      '3:colour',
    ]);
    expect(err.problems.find((p: { column: string }) => p.column === 'concerns').message).toBe('Select no more than 3');
    expect(err.message).toBe('Nothing was imported: 6 problems in 2 rows');
    const n = await handle()
      .db.selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('imports a good CSV with channels and dates, and exports it back in the stable columns', async () => {
    expect(await run(file('good.csv', GOOD))).toEqual({ imported: 2, importId: expect.any(String) });
    const c = (await loadConsultation(handle().db, consultationId))!;
    const definition = await loadSurveyDefinition(handle().db, c, 1);
    const out = path.join(dir, `export-${c.id}.csv`);
    await writeCsv({ db: handle().db, partnershipId, consultationId, definition }, fs.createWriteStream(out));
    const lines = fs
      .readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(exportHeader(definition).join(','));
    expect(lines[0]?.startsWith('reference,ward,postcode,safe_day,safe_dark,safe_centre_day,safe_centre_dark,asb_noisy_neighbours')).toBe(true);
    expect(lines[0]?.endsWith('sexual_orientation,channel,submitted_at')).toBe(true);
    expect(lines).toHaveLength(3);
    const header = lines[0]!.split(',');
    const first = lines[1]!.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((cell) => cell.replace(/,$/, ''));
    const cell = (name: string) => first[header.indexOf(name)];
    expect(cell('ward')).toBe('earlsdon');
    expect(cell('postcode')).toBe('CV5 6');
    expect(cell('concerns')).toBe('fly_tipping;drugs');
    expect(cell('feel_safer')).toBe('"More patrols, please"');
    expect(cell('channel')).toBe('paper');
    expect(cell('submitted_at')).toBe('2024-07-15T00:00:00.000Z');
    expect(cell('victim_reported')).toBe('');

    // The export imports back unchanged.
    expect((await run(out)).imported).toBe(2);
  });

  it('imports XLSX the same way and exports XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Paper forms');
    sheet.addRow(['ward', 'safe_day', 'safe_dark', 'safe_centre_day', 'safe_centre_dark', 'concerns']);
    sheet.addRow(['Wyken', 'very_safe', 'very_safe', 'fairly_safe', 'fairly_safe', 'vehicle_crime;drugs']);
    const xlsx = path.join(dir, 'paper.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect((await run(xlsx)).imported).toBe(1);

    const c = (await loadConsultation(handle().db, consultationId))!;
    const out = path.join(dir, `export-${c.id}.xlsx`);
    await writeXlsx(
      { db: handle().db, partnershipId, consultationId, definition: await loadSurveyDefinition(handle().db, c, 1) },
      fs.createWriteStream(out),
    );
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(out);
    const rows = read.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(1 + 5);
    const header = rows[0]!.slice(1) as string[];
    const wyken = rows.find((r) => r[header.indexOf('ward') + 1] === 'wyken')!;
    expect(wyken[header.indexOf('concerns') + 1]).toBe('vehicle_crime;drugs');
    expect(wyken[header.indexOf('channel') + 1]).toBe('import');
  });

  it('names an unreadable file instead of crashing', async () => {
    const err = await run(file('broken.csv', 'ward,safe_day\n"unterminated,very_safe\n')).catch((e) => e);
    expect(err.message).toMatch(/^The CSV file could not be read: /);
    const notTable = await run(file('notes.txt', 'hello')).catch((e) => e);
    expect(notTable.message).toBe('notes.txt: only .csv and .xlsx files can be imported');
  });
});
