import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { type Consultation, changeConsultationStage } from '../consultations/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { applyRetention } from './retention.js';

const answers = (ward: string, extra: Record<string, unknown> = {}) => ({
  ward,
  safe_day: 'very_safe',
  safe_dark: 'fairly_safe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
  ...extra,
});
const PERSONAL = { postcode: 'CV5 6AB', age_band: 'age_25_34', sex: 'female', feel_safer: 'More street lights' };

describeEachEngine('data protection', ({ handle }) => {
  let server: TestServer;
  let consultation: Consultation;
  let partnershipId: string;
  let slug: string;
  const clients: Record<string, HttpClient> = {};
  let signedOut: HttpClient;
  const db = () => handle().db;
  const base = () => `/staff/consultations/${consultation.id}`;
  const csvRows = (text: string) =>
    text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
  const audit = async (action: string) =>
    db().selectFrom('audit_log').select(['detail', 'entity_id']).where('partnership_id', '=', partnershipId).where('action', '=', action).execute();

  beforeAll(async () => {
    const partnership = await buildPartnership({ db: db(), name: 'Dataford Community Safety Partnership' });
    partnershipId = partnership.id;
    slug = partnership.slug;
    await db().updateTable('partnerships').set({ suppression_minimum: 3 }).where('id', '=', partnershipId).execute();
    consultation = await buildConsultation({ db: db(), partnershipId, stage: 'closed', title: 'Dataford survey' });
    // Three from Northgate, three from Riverside (with personal details), one from Southfield: Southfield is a small cell.
    await buildResponses({
      handle: handle(),
      consultation,
      answers: [
        answers('northgate'),
        answers('northgate'),
        answers('northgate'),
        answers('riverside', PERSONAL),
        answers('riverside', PERSONAL),
        answers('riverside', PERSONAL),
        answers('southfield'),
      ],
    });
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    for (const role of ['admin', 'analyst', 'partner', 'member', 'viewer'] as const)
      clients[role] = (await buildUser({ db: db(), role, partnershipId, server })).client;
    clients.otherAdmin = (await buildUser({ db: db(), role: 'admin', server })).client;
    signedOut = new HttpClient(server.url);
  });
  afterAll(() => server.close());

  it('answers each route by role: admins and analysts see the page and open data, only admins subject access and retention', async () => {
    const expected: [string, Record<string, number>][] = [
      [`${base()}/data-protection`, { admin: 200, analyst: 200 }],
      [`${base()}/open-data.csv`, { admin: 200, analyst: 200 }],
      [`${base()}/open-data-dictionary.csv`, { admin: 200, analyst: 200 }],
      [`/staff/partnerships/${partnershipId}/subject-access`, { admin: 200 }],
      [`/staff/partnerships/${partnershipId}/subject-access/export.json?email=nobody%40example.com`, { admin: 200 }],
    ];
    for (const [path, allowed] of expected) {
      for (const role of ['admin', 'analyst', 'partner', 'member', 'viewer', 'otherAdmin']) {
        const res = await clients[role]!.get(path);
        expect([path, role, res.status]).toEqual([path, role, allowed[role] ?? 403]);
      }
      const res = await signedOut.get(path);
      expect(res.status).toBe(303);
    }
    const posts: [string, Record<string, string>, string[]][] = [
      [`${base()}/retention`, { months: '6' }, ['admin']],
      [`${base()}/withdrawal-requests/nope`, { decision: 'decline' }, ['admin', 'analyst']],
    ];
    for (const [path, form, allowed] of posts)
      for (const role of ['analyst', 'partner', 'member', 'viewer', 'otherAdmin'].filter((r) => !allowed.includes(r))) {
        const client = clients[role]!;
        const res = await client.postForm(path, { _csrf: await client.csrfFrom('/staff'), ...form });
        expect([path, role, res.status]).toEqual([path, role, 403]);
      }
  });

  it('exports open data without free text, postcodes or equality answers, the small cell blanked, and a dictionary of every column', async () => {
    const res = await clients.analyst!.get(`${base()}/open-data.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header = [], ...rows] = csvRows(await res.text());
    for (const withheld of ['feel_safer', 'postcode', 'age_band', 'sex', 'ethnicity', 'reference']) expect(header).not.toContain(withheld);
    expect(header.slice(0, 2)).toEqual(['row', 'ward']);
    expect(rows).toHaveLength(7);
    const wards = rows.map((r) => r[1]).sort();
    // Southfield (1 row) is blanked; 1 < 3, so the next smallest group by value (Northgate, 3 rows) is blanked too.
    expect(wards).toEqual(['', '', '', '', 'riverside', 'riverside', 'riverside']);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const dictionary = csvRows(await (await clients.admin!.get(`${base()}/open-data-dictionary.csv`)).text());
    expect(dictionary[0]).toEqual(['column', 'question', 'type', 'values', 'notes']);
    expect(dictionary.slice(1).map((r) => r[0])).toEqual(header);
    expect(await (await clients.admin!.get(`${base()}/open-data-dictionary.csv`)).text()).toContain(
      'blanked where fewer than 3 rows share the value',
    );
  });

  it('publishes open data only once the consultation is published', async () => {
    const open = await buildConsultation({ db: db(), partnershipId, stage: 'open', title: 'Still open' });
    expect((await clients.admin!.get(`/staff/consultations/${open.id}/open-data.csv`)).status).toBe(409);
    const publicPath = `/p/${slug}/${consultation.slug}/open-data.csv`;
    expect((await signedOut.get(publicPath)).status).toBe(404);
    await changeConsultationStage({ db: db(), actor: cliActor(), partnershipId, consultationId: consultation.id, action: 'publish' });
    const res = await signedOut.get(publicPath);
    expect(res.status).toBe(200);
    expect(csvRows(await res.text())).toHaveLength(8);
    expect((await signedOut.get(`/p/${slug}/${consultation.slug}/open-data-dictionary.csv`)).status).toBe(200);
  });

  it('takes a withdrawal request by reference with the same answer whether or not it exists; staff confirm it and the response stops counting', async () => {
    const form = `/p/${slug}/withdraw`;
    expect((await signedOut.get(form)).status).toBe(200);
    const send = async (fields: Record<string, string>) => signedOut.postForm(form, { _csrf: await signedOut.csrfFrom(form), ...fields });
    const bad = await send({ reference: 'not a reference', note: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Enter your reference number as it was shown to you');
    const huge = await send({ reference: 'K'.repeat(50_000), note: 'x'.repeat(5000) });
    expect(huge.status).toBe(422);
    const hugeText = await huge.text();
    expect(hugeText).toContain('Enter your reference number as it was shown to you');
    expect(hugeText).toContain('Your message must be 500 characters or fewer');

    const { reference } = await db()
      .selectFrom('responses')
      .select('reference')
      .where('consultation_id', '=', consultation.id)
      .orderBy('reference')
      .executeTakeFirstOrThrow();
    const unknown = await send({ reference: '0000-0000-00', note: '' });
    const known = await send({ reference: reference.toLowerCase().replace(/-/g, ' '), note: 'I answered twice' });
    expect([unknown.status, unknown.headers.get('location')]).toEqual([303, `${form}/sent`]);
    expect([known.status, known.headers.get('location')]).toEqual([303, `${form}/sent`]);
    const requests = await db().selectFrom('withdrawal_requests').selectAll().where('partnership_id', '=', partnershipId).execute();
    expect(requests.map((r) => [r.reference, r.note, r.status])).toEqual([[reference, 'I answered twice', 'pending']]);

    const page = await (await clients.analyst!.get(`${base()}/data-protection`)).text();
    expect(page).toContain(reference);
    expect(page).toContain('I answered twice');
    const confirm = await clients.analyst!.postForm(`${base()}/withdrawal-requests/${requests[0]!.id}`, {
      _csrf: await clients.analyst!.csrfFrom(`${base()}/data-protection`),
      decision: 'confirm',
    });
    expect(confirm.status).toBe(303);
    const stored = await db()
      .selectFrom('responses')
      .select(['withdrawn_at', 'withdrawal_reason'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(stored.withdrawn_at).not.toBeNull();
    expect(stored.withdrawal_reason).toBe("At the respondent's request (withdrawal page)");
    expect(csvRows(await (await clients.analyst!.get(`${base()}/open-data.csv`)).text())).toHaveLength(7);
    expect((await audit('data.withdrawal-request')).length).toBe(1);
    expect((await audit('data.withdrawal-confirm')).length).toBe(1);
    expect((await audit('response.withdraw')).map((a) => JSON.parse(a.detail).reference)).toEqual([reference]);
    // A second decision on the same request is refused.
    const again = await clients.analyst!.postForm(`${base()}/withdrawal-requests/${requests[0]!.id}`, {
      _csrf: await clients.analyst!.csrfFrom(`${base()}/data-protection`),
      decision: 'decline',
    });
    expect(again.status).toBe(409);
  });

  it('deletes equality answers, postcodes and originals only after the retention period, once, audited, and analysis still answers', async () => {
    const responseIds = (await db().selectFrom('responses').select('id').where('consultation_id', '=', consultation.id).execute()).map((r) => r.id);
    await db()
      .insertInto('response_originals')
      .values({
        id: 'original-1',
        partnership_id: partnershipId,
        response_id: responseIds[0]!,
        answers: '{"feel_safer":"Ann at 1 High St"}',
        kept_at: new Date().toISOString(),
      })
      .execute();
    const admin = clients.admin!;
    const tooLong = await admin.postForm(`${base()}/retention`, { _csrf: await admin.csrfFrom(`${base()}/data-protection`), months: '9999' });
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('Enter the number of months as a whole number from 1 to 120');
    const saved = await admin.postForm(`${base()}/retention`, { _csrf: await admin.csrfFrom(`${base()}/data-protection`), months: '6' });
    expect(saved.status).toBe(303);

    const { closed_at: closedAt } = await db()
      .selectFrom('consultations')
      .select('closed_at')
      .where('id', '=', consultation.id)
      .executeTakeFirstOrThrow();
    const ended = new Date(closedAt!);
    const before = new Date(ended.getTime() + 150 * 86_400_000);
    const after = new Date(ended.getTime() + 200 * 86_400_000);
    const only = { partnershipId, consultationId: consultation.id };
    expect(await applyRetention(db(), { now: before, actor: cliActor(), ...only })).toEqual([]);
    const dry = await applyRetention(db(), { now: after, actor: cliActor(), dryRun: true, ...only });
    expect(dry.map((r) => [r.responses, r.equalityAnswers, r.postcodes, r.originals])).toEqual([[3, 6, 3, 1]]);
    const answersOf = async () =>
      (await db().selectFrom('responses').select('answers').where('consultation_id', '=', consultation.id).orderBy('id').execute()).map(
        (r) => JSON.parse(r.answers) as Record<string, unknown>,
      );
    expect((await answersOf()).filter((a) => a.postcode).length).toBe(3);

    const runs = await applyRetention(db(), { now: after, actor: cliActor(), ...only });
    expect(runs.map((r) => [r.responses, r.equalityAnswers, r.postcodes, r.originals])).toEqual([[3, 6, 3, 1]]);
    const kept = await answersOf();
    expect(kept.filter((a) => a.postcode || a.age_band || a.sex)).toEqual([]);
    expect(kept.filter((a) => a.feel_safer === 'More street lights').length).toBe(3);
    expect(kept.filter((a) => a.safe_dark === 'fairly_safe').length).toBe(7);
    expect(await db().selectFrom('response_originals').select('id').where('partnership_id', '=', partnershipId).execute()).toEqual([]);
    const entries = await audit('data.retention-apply');
    expect(entries.map((e) => JSON.parse(e.detail))).toEqual([
      expect.objectContaining({ months: 6, responses: 3, equalityAnswers: 6, postcodes: 3, originals: 1, versions: 0, notes: 1 }),
    ]);
    // Idempotent: nothing left, nothing recorded.
    const second = await applyRetention(db(), { now: after, actor: cliActor(), ...only });
    expect(second.map((r) => [r.responses, r.equalityAnswers, r.postcodes, r.originals, r.notes])).toEqual([[0, 0, 0, 0, 0]]);
    expect((await audit('data.retention-apply')).length).toBe(1);

    const analysis = await admin.get(`/api/v1/consultations/${consultation.id}/analysis`);
    expect(analysis.status).toBe(200);
    expect(JSON.stringify(await analysis.json())).toContain('safe_dark');
    expect((await admin.get(`${base()}/data-protection`)).status).toBe(200);
  });

  it("exports everything held about a person and nothing of another person's or partnership's, audited", async () => {
    const stakeholder = { organisation: 'Dataford Fire', sector: 'fire', contact_name: 'Priya Example', phone: '01234 567890', role: 'Officer' };
    const now = new Date().toISOString();
    const other = await buildPartnership({ db: db(), name: 'Elsewhere Community Safety Partnership' });
    await db()
      .insertInto('stakeholders')
      .values([
        { partnership_id: partnershipId, id: 'st-a', email: 'priya@example.org', ...stakeholder, created_at: now, updated_at: now },
        {
          partnership_id: partnershipId,
          id: 'st-b',
          email: 'sam@example.org',
          ...stakeholder,
          contact_name: 'Sam Other',
          created_at: now,
          updated_at: now,
        },
        {
          partnership_id: other.id,
          id: 'st-c',
          email: 'priya@example.org',
          ...stakeholder,
          organisation: 'Elsewhere Police',
          created_at: now,
          updated_at: now,
        },
      ])
      .execute();
    const admin = clients.admin!;
    const search = await admin.get(`/staff/partnerships/${partnershipId}/subject-access?q=priya`);
    const html = await search.text();
    expect(html).toContain('priya@example.org');
    expect(html).not.toContain('sam@example.org');
    expect((await admin.get(`/staff/partnerships/${partnershipId}/subject-access?q=${'x'.repeat(5000)}`)).status).toBe(422);
    expect((await admin.get(`/staff/partnerships/${partnershipId}/subject-access/export.json?email=not-an-email`)).status).toBe(422);

    const res = await admin.get(`/staff/partnerships/${partnershipId}/subject-access/export.json?email=PRIYA%40example.org`);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = await res.text();
    const records = JSON.parse(text) as { stakeholders: { id: string; organisation: string }[]; user: unknown };
    expect(records.stakeholders.map((s) => [s.id, s.organisation])).toEqual([['st-a', 'Dataford Fire']]);
    expect(records.user).toBeNull();
    for (const foreign of ['Elsewhere', 'st-c', 'sam@example.org', 'password']) expect(text).not.toContain(foreign);
    expect((await audit('data.subject-access-export')).map((e) => JSON.parse(e.detail).email)).toContain('priya@example.org');
  });
});
