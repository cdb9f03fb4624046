// Downloads of personal data are in the audit log: who, what, the format and the rows, from the web and the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import type { Consultation } from '../consultations/index.js';

const answers = { safe_day: 'very_safe', safe_dark: 'a_bit_unsafe', safe_centre_day: 'fairly_safe', safe_centre_dark: 'very_unsafe' };

describeEachEngine('downloads of personal data in the audit log', ({ handle, target }) => {
  let server: TestServer;
  let survey: Consultation;
  let analyst: { client: HttpClient; email: string };
  let admin: HttpClient;
  let dir: string;

  beforeAll(async () => {
    const { db } = handle();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-downloads-'));
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const p = await buildPartnership({ db, name: 'Downloadshire Community Safety Partnership' });
    survey = await buildConsultation({ db, partnershipId: p.id, stage: 'open', title: 'Downloadshire survey' });
    await buildResponses({ handle: handle(), consultation: survey, answers: [answers, answers, answers] });
    analyst = await buildUser({ db, role: 'analyst', partnershipId: p.id, server });
    admin = (await buildUser({ db, role: 'admin', partnershipId: p.id, server })).client;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const exportsOf = async () =>
    (
      await handle()
        .db.selectFrom('audit_log')
        .select(['actor_label', 'entity', 'entity_id', 'partnership_id', 'detail'])
        .where('action', '=', 'responses.export')
        .orderBy('at')
        .execute()
    ).map((r) => ({ ...r, detail: JSON.parse(r.detail) }));

  it('records each web download of the responses as it is sent, with who, the format and the rows', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await analyst.client.get(`/staff/consultations/${survey.id}/export.${format}`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const entry = { actor_label: analyst.email, entity: 'consultation', entity_id: survey.id, partnership_id: survey.partnershipId };
    expect(await exportsOf()).toEqual([
      { ...entry, detail: { format: 'csv', rows: 3 } },
      { ...entry, detail: { format: 'xlsx', rows: 3 } },
    ]);
    const page = await (await admin.get('/staff/audit?action=downloads')).text();
    expect(page).toContain('Downloaded 3 responses (CSV)');
    expect(page).toContain('Downloaded 3 responses (XLSX)');
    expect(page).toContain('Consultation “Downloadshire survey”');
  });

  it('records the command line export as the command line', async () => {
    const out = path.join(dir, 'responses.csv');
    const cli = await runCli(['--db', target(), 'responses', 'export', survey.id, '--format', 'csv', '--out', out]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toContain(`Wrote 3 responses to ${out}`);
    expect(fs.readFileSync(out, 'utf8').trimEnd().split('\r\n')).toHaveLength(4);
    expect((await exportsOf()).at(-1)).toMatchObject({ actor_label: `cli:${process.env.USER ?? 'unknown'}`, detail: { format: 'csv', rows: 3 } });
  }, 120_000);

  it('writes the whole audit log with saferplan audit export, and records that too', async () => {
    const out = path.join(dir, 'audit.csv');
    const cli = await runCli(['--db', target(), 'audit', 'export', '--format', 'csv', '--out', out]);
    expect(cli.code, cli.stderr).toBe(0);
    const { rows } = JSON.parse(cli.stdout) as { rows: number };
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows + 1);
    expect(lines.some((l) => l.includes('Downloaded 3 responses (CSV)'))).toBe(true);
    const recorded = await handle().db.selectFrom('audit_log').select(['detail', 'partnership_id']).where('action', '=', 'audit.export').execute();
    expect(recorded.map((r) => ({ ...r, detail: JSON.parse(r.detail) }))).toEqual([
      { partnership_id: null, detail: { format: 'csv', rows, filters: {} } },
    ]);
  }, 120_000);
});
