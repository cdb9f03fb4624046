import fs from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser, TEST_PASSWORD } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';

const HEADER = 'ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,feel_safer,channel\n';
const row = (i: number) => `earlsdon,very_safe,fairly_safe,very_safe,a_bit_unsafe,answer ${i},paper\n`;

/** This process's upload and staging directories: what an import must not leave behind. */
const leftovers = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`saferplan-uploads-${process.pid}-`));

describeEachEngine('importing uploaded files', ({ handle }) => {
  let server: TestServer;
  let analyst: HttpClient;
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle(), 'crime-survey', 'Upload survey'));
    server = await startTestServer(handle());
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  const importPage = () => `/staff/consultations/${consultationId}/import`;
  async function upload(name: string, bytes: Uint8Array<ArrayBuffer> | string, fields: Record<string, string> = {}) {
    const _csrf = await analyst.csrfFrom(importPage());
    const form = new FormData();
    // Fields go before the file, as the form lays them out.
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes]), name);
    const res = await analyst.postMultipart(`${importPage()}?_csrf=${encodeURIComponent(_csrf)}`, form);
    const html = await res.text();
    // A stored import answers with a redirect to the page saying how many were imported.
    if (res.status === 303) return { status: 200, html: await (await analyst.get(res.headers.get('location') as string)).text() };
    return { status: res.status, html };
  }
  const feelSafer = async () =>
    (await handle().db.selectFrom('responses').select('answers').where('consultation_id', '=', consultationId).execute()).map(
      (r) => (JSON.parse(r.answers) as { feel_safer?: string }).feel_safer,
    );
  const clear = async () => {
    await handle().db.deleteFrom('responses').where('consultation_id', '=', consultationId).execute();
    await handle().db.deleteFrom('imports').where('consultation_id', '=', consultationId).execute();
  };

  it('leaves no temporary file behind when an import fails, whatever the failure', async () => {
    expect((await upload('bad.csv', `${HEADER}atlantis,very_safe,fairly_safe,very_safe,a_bit_unsafe,,paper\n`)).status).toBe(422);
    expect((await upload('bad.xlsx', 'not a workbook')).status).toBe(422);
    expect((await upload('good.csv', `${HEADER}${row(1)}`)).status).toBe(200);
    expect(leftovers()).toEqual([]);
    await clear();
  });

  it('imports 20,000 rows from CSV and from XLSX', { timeout: 120_000 }, async () => {
    const csv = HEADER + Array.from({ length: 20_000 }, (_, i) => row(i)).join('');
    const fromCsv = await upload('many.csv', csv);
    expect(fromCsv.html).toContain('20000 responses were imported');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Responses');
    for (const line of csv.trim().split('\n')) sheet.addRow(line.split(','));
    const fromXlsx = await upload('many.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(fromXlsx.html).toContain('20000 responses were imported');
    const stored = await feelSafer();
    expect(stored).toHaveLength(40_000);
    expect(stored.filter((t) => t === 'answer 19999')).toHaveLength(2);
    await clear();
  });

  it('reads Windows-1252, UTF-8 with a byte order mark and UTF-16 CSV files, storing the exact text', async () => {
    const line = (text: string) => `${HEADER}earlsdon,very_safe,fairly_safe,very_safe,a_bit_unsafe,${text},paper\n`;
    // A feel_safer cell of "caf\xe9 \xff\xfe \xc0\xaf \x80 ok", as Excel's plain CSV writes it in the UK.
    const cp1252 = Buffer.concat([
      Buffer.from(line('caf').split(',paper')[0] as string),
      Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0x20, 0xc0, 0xaf, 0x20, 0x80]),
      Buffer.from(' ok,paper\n'),
    ]);
    expect((await upload('excel.csv', cp1252 as Uint8Array<ArrayBuffer>)).status).toBe(200);
    expect(
      (await upload('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line('Café ☕'))]) as Uint8Array<ArrayBuffer>)).status,
    ).toBe(200);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line('Zoë’s street'), 'utf16le')]);
    expect((await upload('utf16.csv', utf16 as Uint8Array<ArrayBuffer>)).status).toBe(200);
    expect((await feelSafer()).sort()).toEqual(['Café ☕', 'Zoë’s street', 'café ÿþ À¯ € ok'].sort());
    await clear();
  });

  it('refuses, naming the row, a CSV that is neither UTF-8 nor Windows-1252, and stores nothing', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}${row(1)}earlsdon,very_safe,fairly_safe,very_safe,a_bit_unsafe,caf`),
      Buffer.from([0xe9, 0x81]),
      Buffer.from(',paper\n'),
    ]);
    const res = await upload('mixed.csv', bytes as Uint8Array<ArrayBuffer>);
    expect(res.status).toBe(422);
    expect(res.html).toContain(
      'Row 3, feel_safer: the file is neither UTF-8 nor Windows-1252 text; save it from the spreadsheet as &quot;CSV UTF-8&quot;',
    );
    expect(await feelSafer()).toEqual([]);
  });

  it('refuses the same file a second time, naming the earlier import, until the officer confirms', async () => {
    const text = `${HEADER}${row(7)}`;
    expect((await upload('week-1.csv', text)).html).toContain('1 response was imported');
    const again = await upload('week-1 (copy).csv', text);
    expect(again.status).toBe(409);
    expect(again.html).toContain('This file was imported before: &quot;week-1.csv&quot;, 1 response, on ');
    expect(again.html).toContain('name="allowDuplicate" type="checkbox" value="yes"');
    expect(await feelSafer()).toEqual(['answer 7']);
    expect((await upload('week-1 (copy).csv', text, { allowDuplicate: 'yes' })).html).toContain('1 response was imported');
    expect(await feelSafer()).toEqual(['answer 7', 'answer 7']);
    await clear();
  });

  it('gives the blank workbook with its allowed codes to staff who enter responses, and not to viewers', async () => {
    const xlsx = await analyst.get(`${importPage()}/template.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Responses', 'Allowed values']);
    const viewer = new HttpClient(server.url);
    const { email } = await buildUser({
      db: handle().db,
      role: 'viewer',
      partnershipId: (
        await handle().db.selectFrom('consultations').select('partnership_id').where('id', '=', consultationId).executeTakeFirstOrThrow()
      ).partnership_id,
    });
    await viewer.signIn(email, TEST_PASSWORD);
    const refused = await viewer.get(`${importPage()}/template.xlsx`);
    expect(refused.status).toBe(403);
    await refused.text();
    const signedOut = await new HttpClient(server.url).get(`${importPage()}/template.xlsx`);
    expect(signedOut.status).toBe(303);
    await signedOut.text();
  });
});
