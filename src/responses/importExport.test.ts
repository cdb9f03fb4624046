import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { loadConsultation, loadSurveyDefinition } from '../consultations/queries/loadConsultation.js';
import { ConsultationRuntimeCache } from '../consultations/runtime.js';
import { listWards } from '../partnerships/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { exportHeader, writeCsv, writeXlsx } from './exportResponses.js';
import { DuplicateImport, ImportRejected, importResponses } from './importResponses.js';
import { writeImportTemplate } from './importTemplate.js';

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
  const run = (f: string, more: { allowDuplicate?: boolean } = {}) =>
    importResponses({
      handle: handle(),
      runtimes: new ConsultationRuntimeCache(handle().db),
      actor: cliActor(),
      consultationId,
      file: f,
      fileName: path.basename(f),
      ...more,
    });
  const problemsOf = async (f: string) => {
    const err = await run(f).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    return (err as ImportRejected).problems.map((p) => `${p.row} ${p.column}: ${p.message}`);
  };
  /** The answers and time stored by an import of one row. */
  const storedBy = async (importId: string) => {
    const row = await handle()
      .db.selectFrom('responses')
      .select(['answers', 'submitted_at'])
      .where('import_id', '=', importId)
      .executeTakeFirstOrThrow();
    return { answers: JSON.parse(row.answers), submittedAt: row.submitted_at };
  };
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
    expect(err.message).toBe('Nothing was imported: 6 problems in 2 rows (2 rows read)');
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
    expect(cell('submitted_at')).toBe('2024-07-14T23:00:00.000Z'); // midnight UK time (summer)
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

  it('reads dates day first (05/02/2024 is 5 February), and refuses, by row, dates before opening or in the future', async () => {
    const header = 'ward,safe_day,submitted_at\n';
    expect(
      await problemsOf(
        file(
          'dates-bad.csv',
          `${header}earlsdon,very_safe,12/31/2024\nearlsdon,very_safe,31/12/2023\nearlsdon,very_safe,01/01/2099\nearlsdon,very_safe,2099-01-01\n`,
        ),
      ),
    ).toEqual([
      '2 submitted_at: "12/31/2024" is not a date: enter it like 10/07/2024, 10/07/2024 14:30 or 2024-07-10',
      expect.stringMatching(/^3 submitted_at: 31\/12\/2023 is before the consultation opened \(1 January 2024 at /),
      '4 submitted_at: 01/01/2099 is in the future',
      '5 submitted_at: 2099-01-01 is in the future',
    ]);
    const good = await run(file('dates-good.csv', `${header}earlsdon,very_safe,05/02/2024\n`));
    expect((await storedBy(good.importId)).submittedAt).toBe('2024-02-05T00:00:00.000Z');
  });

  it("takes an option's label for its code in any case, names the codes allowed for a wrong value, and keeps blanks as not answered", async () => {
    const header = 'ward,safe_day,safe_dark,concerns\n';
    const problems = await problemsOf(file('labels-bad.csv', `${header}Earlsdon,Fairly sfe,,\n`));
    expect(problems).toEqual([
      '2 safe_day: "Fairly sfe" is not an option of safe_day: use one of very_safe, fairly_safe, a_bit_unsafe, very_unsafe, dont_know (or the option\'s label)',
    ]);
    // Required online, blank on paper: not answered, never an invented "Don't know".
    const good = await run(file('labels-good.csv', `${header}FOLESHILL,fairly safe,VERY_UNSAFE,Fly-tipping;drugs\n`));
    const { answers } = await storedBy(good.importId);
    expect(answers).toMatchObject({ ward: 'foleshill', safe_day: 'fairly_safe', safe_dark: 'very_unsafe', safe_centre_day: null });
    expect(answers.concerns).toEqual(['fly_tipping', 'drugs']);
  });

  it('refuses a file imported before, naming the earlier import, unless told the rows are different', async () => {
    const text = 'ward,safe_day\nwyken,very_safe\n';
    expect((await run(file('twice.csv', text))).imported).toBe(1);
    const err = await run(file('again.csv', text)).catch((e) => e);
    expect(err).toBeInstanceOf(DuplicateImport);
    expect(err.message).toMatch(/^This file was imported before: "twice.csv", 1 response, on .+ by cli:.+\. Nothing was imported\./);
    expect((await run(file('again.csv', text), { allowDuplicate: true })).imported).toBe(1);
  });

  it('counts the rows with problems, not the rows read', async () => {
    const err = await run(
      file('count.csv', 'ward,safe_day,safe_dark\natlantis,sometimes,very_safe\nearlsdon,very_safe,very_safe\nnowhere,very_safe,very_safe\n'),
    ).catch((e) => e);
    expect(err.message).toBe('Nothing was imported: 3 problems in 2 rows (3 rows read)');
  });

  it('exports labels for people: question text as headers, option labels and ward names as values', async () => {
    const c = (await loadConsultation(handle().db, consultationId))!;
    const definition = await loadSurveyDefinition(handle().db, c, 1);
    const out = path.join(dir, `labels-${c.id}.csv`);
    const wards = await listWards(handle().db, partnershipId);
    await writeCsv({ db: handle().db, partnershipId, consultationId, definition, labels: true, wards }, fs.createWriteStream(out));
    const [head, ...rows] = fs
      .readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(head?.startsWith('reference,Which ward do you live in?')).toBe(true);
    expect(head?.endsWith(',channel,submitted_at')).toBe(true);
    expect(rows.some((r) => r.includes(',Foleshill,') && r.includes('Fairly safe') && r.includes('Very unsafe'))).toBe(true);
  });

  it("gives a blank workbook whose second sheet lists each column's codes and labels", async () => {
    const c = (await loadConsultation(handle().db, consultationId))!;
    const out = path.join(dir, 'template.xlsx');
    const stream = fs.createWriteStream(out);
    await writeImportTemplate(await loadSurveyDefinition(handle().db, c, 1), await listWards(handle().db, partnershipId), stream);
    await new Promise((resolve) => stream.close(resolve));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Responses', 'Allowed values']);
    const allowed = book
      .getWorksheet('Allowed values')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1).join('|'));
    expect(allowed).toContain('safe_day|How safe do you feel walking alone in this area… during the day?|fairly_safe|Fairly safe');
    expect(allowed.some((a) => a.startsWith('concerns|Which of these concern you most in your area?|fly_tipping|Fly-tipping'))).toBe(true);
    expect(allowed.some((a) => a.startsWith('ward|') && a.endsWith('|foleshill|Foleshill'))).toBe(true);
    expect(allowed.some((a) => a.startsWith('submitted_at|'))).toBe(true);
  });

  it('names an unreadable file instead of crashing', async () => {
    const err = await run(file('broken.csv', 'ward,safe_day\n"unterminated,very_safe\n')).catch((e) => e);
    expect(err.message).toMatch(/^The CSV file could not be read: /);
    const notTable = await run(file('notes.txt', 'hello')).catch((e) => e);
    expect(notTable.message).toBe('notes.txt: only .csv and .xlsx files can be imported');
  });
});
