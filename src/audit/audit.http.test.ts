// The audit log page and its downloads through the real app, on both engines: who may read it, that another
// partnership's entries never appear, the filters, the pages, the plain-English entries and the recorded download.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';

/** The text of each row of the entries table, cell by cell. */
const tableRows = (html: string) =>
  [...(/<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, '').trim()),
  );
const summaryOf = (html: string) => /id="entries-summary">([^<]*)</.exec(html)?.[1]?.trim();
const decode = (text: string) =>
  text
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describeEachEngine('the audit log over HTTP', ({ handle }) => {
  let server: TestServer;
  let a: BuiltPartnership;
  let b: BuiltPartnership;
  let survey: Consultation;
  let ofB: Consultation;
  let admin: HttpClient;
  let adminEmail: string;
  let adminOfB: { client: HttpClient; email: string };

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    a = await buildPartnership({ db, name: 'Alphaton Community Safety Partnership' });
    b = await buildPartnership({ db, name: 'Betaford Community Safety Partnership' });
    survey = await buildConsultation({ db, partnershipId: a.id, stage: 'open', title: '=HYPERLINK("http://evil.example","Alphaton survey")' });
    ofB = await buildConsultation({ db, partnershipId: b.id, stage: 'open', title: 'Betaford secret survey' });
    const built = await buildUser({ db, role: 'admin', partnershipId: a.id, server, name: 'Alex Admin' });
    admin = built.client;
    adminEmail = built.email;
    const builtB = await buildUser({ db, role: 'admin', partnershipId: b.id, server, name: 'Bea Admin' });
    adminOfB = { client: builtB.client, email: builtB.email };
    // B's admin fails to sign in once more: an entry of B's with B's admin's email.
    await new HttpClient(server.url).signIn(builtB.email, 'a-wrong-guess-for-b');
  });
  afterAll(() => server.close());

  it('lets only administrators read and download it; others 403, anonymous sent to sign in', async () => {
    const paths = ['/staff/audit', '/staff/audit/export.csv', '/staff/audit/export.xlsx'];
    for (const role of ROLES) {
      const { client } = await buildUser({ db: handle().db, role, partnershipId: a.id, server });
      for (const path of paths) {
        const res = await client.get(path);
        await res.arrayBuffer();
        expect(res.status, `${role} ${path}`).toBe(role === 'admin' ? 200 : 403);
      }
    }
    for (const path of paths) {
      const res = await new HttpClient(server.url).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('shows entries in plain English with names and titles, and never another partnership’s', async () => {
    await new HttpClient(server.url).signIn(adminEmail, 'not-my-password-at-all');
    const html = decode(await (await admin.get('/staff/audit')).text());
    const rows = tableRows(html);
    expect(
      rows.some(
        ([, who, what, record]) =>
          who === adminEmail && what === 'Failed to sign in: wrong email address or password' && record === `User Alex Admin (${adminEmail})`,
      ),
    ).toBe(true);
    expect(rows.some(([, who, what]) => who === `Alex Admin (${adminEmail})` && what === 'Signed in')).toBe(true);
    expect(
      rows.some(
        ([, who, what, record]) =>
          who?.startsWith('Command line') && what === 'Opened the consultation' && record === `Consultation “${survey.title}”`,
      ),
    ).toBe(true);
    expect(rows.some(([, , what, record]) => what === 'Created the partnership' && record === `Partnership ${a.name}`)).toBe(true);
    for (const mark of [b.id, b.name, adminOfB.email, ofB.id, ofB.title, '{"']) expect(html).not.toContain(mark);
    // Asking for B's records or people by name finds nothing of theirs.
    for (const query of [`subject=consultation:${ofB.id}`, `person=${encodeURIComponent(adminOfB.email)}`, 'person=Bea']) {
      const page = decode(await (await admin.get(`/staff/audit?${query}`)).text());
      expect(summaryOf(page), query).toBe('No entries match these filters.');
      expect(tableRows(page), query).toEqual([]);
    }
    // B's admin sees B's, not A's.
    const ofBPage = decode(await (await adminOfB.client.get('/staff/audit')).text());
    expect(ofBPage).toContain(ofB.title);
    expect(ofBPage).not.toContain(adminEmail);
  });

  it('filters by person, action, record and UK dates, and says what is wrong with a filter it cannot read', async () => {
    const { db } = handle();
    const at = (iso: string, action: string, actor: string) => ({
      id: `${action}-${iso}`,
      at: iso,
      actor_id: null,
      actor_label: actor,
      partnership_id: a.id,
      action,
      entity: 'consultation',
      entity_id: survey.id,
      detail: JSON.stringify({ format: 'csv', rows: 7 }),
    });
    await db
      .insertInto('audit_log')
      .values([
        at('2025-03-01T10:00:00.000Z', 'responses.export', 'cli:winter'),
        // 23:30 UTC on 30 June is 00:30 on 1 July in UK summer time.
        at('2025-06-30T23:30:00.000Z', 'responses.export', 'cli:summer'),
        at('2025-07-02T08:00:00.000Z', 'responses.export', 'cli:later'),
      ])
      .execute();
    const rowsFor = async (query: string) => tableRows(decode(await (await admin.get(`/staff/audit?${query}`)).text()));

    const july1 = await rowsFor('action=downloads&from-day=1&from-month=7&from-year=2025&to-day=1&to-month=7&to-year=2025');
    expect(july1.map((r) => [r[1], r[2]])).toEqual([['Command line (summer)', 'Downloaded 7 responses (CSV)']]);
    expect((await rowsFor('person=WINTER')).map((r) => r[1])).toEqual(['Command line (winter)']);
    expect((await rowsFor('person=alex')).every((r) => r[1] === `Alex Admin (${adminEmail})`)).toBe(true);
    expect((await rowsFor('person=alex')).length).toBeGreaterThan(0);
    const bySurvey = await rowsFor(`subject=consultation:${survey.id}&to-day=30&to-month=6&to-year=2025`);
    expect(bySurvey.map((r) => r[1])).toEqual(['Command line (winter)']);
    const signIns = await rowsFor('action=session.sign-in-failed');
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((r) => r[2] === 'Failed to sign in: wrong email address or password')).toBe(true);

    const bad = await admin.get('/staff/audit?from-day=31&from-month=2&from-year=2025&action=nonsense!');
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('From date must be a real date, like 5 2 2026');
    expect(html).toContain('Choose an action from the list');
    expect(html).toContain('<title>Error: Audit log');
    expect(tableRows(html)).toEqual([]);
  });

  it('pages 50 entries at a time with GOV.UK pagination', async () => {
    const { db } = handle();
    await db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          id: `paged-${String(i).padStart(3, '0')}`,
          at: `2020-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000Z`,
          actor_id: null,
          actor_label: 'cli:pager',
          partnership_id: a.id,
          action: 'database.backup',
          entity: 'database',
          entity_id: null,
          detail: '{}',
        })),
      )
      .execute();
    const first = await (await admin.get('/staff/audit?person=pager')).text();
    expect(summaryOf(first)).toBe('Showing 1 to 50 of 120 entries matching the filters, newest first.');
    expect(tableRows(first)).toHaveLength(50);
    expect(first).toContain('govuk-pagination');
    expect(first).toContain('href="/staff/audit?person=pager&amp;page=2"');
    const last = await (await admin.get('/staff/audit?person=pager&page=3')).text();
    expect(summaryOf(last)).toBe('Showing 101 to 120 of 120 entries matching the filters, newest first.');
    expect(tableRows(last)).toHaveLength(20);
    expect(tableRows(last).at(-1)?.[0]).toBe('1 Jan 2020, 00:00');
    expect(last).toContain('<title>Audit log (page 3 of 3)');
  });

  it('downloads the filtered entries as formula-safe CSV and XLSX, and records each download', async () => {
    const { db } = handle();
    const formula = '=HYPERLINK("http://evil.example","x")';
    await db
      .insertInto('audit_log')
      .values({
        id: 'planted-formula',
        at: '2025-01-01T00:00:00.000Z',
        actor_id: null,
        actor_label: formula,
        partnership_id: a.id,
        action: 'session.sign-in-failed',
        entity: 'consultation',
        entity_id: survey.id,
        detail: '{}',
      })
      .execute();
    const csvRes = await admin.get(`/staff/audit/export.csv?subject=consultation:${survey.id}`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toBe('attachment; filename="audit-log.csv"');
    const csv = Buffer.from(await csvRes.arrayBuffer()).toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeffWhen (UK time),Who,What,Record,Partnership,Action,When (UTC),Entry id');
    expect(csv).not.toContain(b.name);
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",Failed to sign in`);
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    expect(csv).toContain(`Opened the consultation,"Consultation “=HYPERLINK(""http://evil.example"",""Alphaton survey"")”",${a.name}`);
    const rows = lines.length - 1;
    expect(rows).toBeGreaterThanOrEqual(3);

    const exports = () =>
      db.selectFrom('audit_log').select(['actor_label', 'detail', 'partnership_id']).where('action', '=', 'audit.export').orderBy('at').execute();
    const recorded = (await exports()).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
    expect(recorded.at(-1)).toEqual({
      actor_label: adminEmail,
      partnership_id: a.id,
      detail: { format: 'csv', rows, filters: { subject: `consultation:${survey.id}` } },
    });

    const xlsxRes = await admin.get('/staff/audit/export.xlsx?action=audit.export');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsxRes.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Audit log');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(3).value).toBe('What');
    expect(sheet.getRow(2).getCell(3).value).toBe(`Downloaded ${rows} audit log entries (CSV)`);
    expect(sheet.rowCount).toBe(1 + recorded.length);
    expect(await exports()).toHaveLength(recorded.length + 1);

    // A filter the export cannot read goes back to the page, which names the problem; nothing is recorded.
    const bad = await admin.get('/staff/audit/export.csv?to-day=99&to-month=1&to-year=2025');
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/staff/audit?to-day=99&to-month=1&to-year=2025');
    expect(await exports()).toHaveLength(recorded.length + 1);
  });
});
