// Keeping residents' text as typed: the admins' setting (audited), the originals on the response page (admins only),
// and the retention rule (purgeOriginals, `saferplan text purge-originals`), on both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { cliActor } from '../platform/recordAudit.js';
import { purgeOriginals } from './originals.js';

const SAID = 'Ask Sarah Jones on 07700 900123, she saw it';
const STORED = 'Ask [name] on [phone], she saw it';

describeEachEngine("residents' text as typed", ({ handle, target }) => {
  let server: TestServer;
  let partnershipId: string;
  let consultationId: string;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const settings = () => `/staff/partnerships/${partnershipId}/settings/redaction`;
  const audited = async (action: string) =>
    (await handle().db.selectFrom('audit_log').select(['action', 'detail', 'actor_label']).where('partnership_id', '=', partnershipId).execute())
      .filter((e) => e.action === action)
      .map((e) => ({ ...e, detail: JSON.parse(e.detail ?? 'null') }));
  const kept = async () =>
    (await handle().db.selectFrom('response_originals').select(['answers', 'response_id']).where('partnership_id', '=', partnershipId).execute()).map(
      (r) => JSON.parse(r.answers),
    );
  const submit = async () => {
    const res = await new HttpClient(server.url).postJson(`/api/v1/consultations/${consultationId}/responses`, {
      answers: { ...VALID_CRIME_ANSWERS, feel_safer: SAID },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    return body.reference as string;
  };
  const save = async (fields: Record<string, string>) => {
    const admin = staff.get('admin') as HttpClient;
    return admin.postForm(settings(), { _csrf: await admin.csrfFrom(settings()), ...fields });
  };

  beforeAll(async () => {
    ({ partnershipId, consultationId } = await openConsultation(handle()));
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0 });
    const { db } = handle();
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  it('keeps nothing until an admin turns it on', async () => {
    const page = await staff.get('admin')?.get(settings());
    expect(page?.status).toBe(200);
    const html = (await page?.text()) ?? '';
    expect(html).toMatch(/value="no" checked/);
    expect(html).toMatch(/name="retentionDays"[^>]*value="90"/);
    await submit();
    expect(await kept()).toEqual([]);
    expect(await (await staff.get('admin')?.get(`/staff/partnerships/${partnershipId}/settings`))?.text()).toContain(settings());
  });

  it('lets only the admins of this partnership see or change the setting', async () => {
    for (const role of ROLES) {
      const client = staff.get(role) as HttpClient;
      const page = await client.get(settings());
      await page.text();
      expect([role, page.status]).toEqual([role, role === 'admin' ? 200 : 403]);
      if (role === 'admin') continue;
      const post = await client.postForm(settings(), { _csrf: await client.csrfFrom('/staff'), keepOriginals: 'yes', retentionDays: '30' });
      await post.text();
      expect([role, post.status]).toEqual([role, 403]);
    }
    const other = await adminOfOther.postForm(settings(), {
      _csrf: await adminOfOther.csrfFrom('/staff'),
      keepOriginals: 'yes',
      retentionDays: '30',
    });
    await other.text();
    expect(other.status).toBe(403);
    const anonymous = await new HttpClient(server.url).get(settings());
    await anonymous.text();
    expect(anonymous.status).toBe(303);
    expect(await audited('redaction.settings')).toEqual([]);
  });

  it('refuses a missing choice or a bad number of days, naming the field, and changes nothing', async () => {
    for (const [fields, message] of [
      [{ keepOriginals: 'maybe', retentionDays: '30' }, 'Select whether to keep residents&#39; text as typed'],
      [{ retentionDays: '30' }, 'Select whether to keep residents&#39; text as typed'],
      [{ keepOriginals: 'yes', retentionDays: '0' }, 'Enter how many days to keep the original text, a whole number from 1 to 3650'],
      [{ keepOriginals: 'yes', retentionDays: 'ten' }, 'Enter how many days to keep the original text, a whole number from 1 to 3650'],
      [{ keepOriginals: 'yes', retentionDays: '9999' }, 'Enter how many days to keep the original text, a whole number from 1 to 3650'],
    ] as const) {
      const res = await save(fields);
      const html = await res.text();
      expect(res.status).toBe(422);
      expect(html).toContain('There is a problem');
      expect(html).toContain(message);
    }
    expect(await audited('redaction.settings')).toEqual([]);
  });

  it('once on, keeps the text as typed, shown on the response page to admins and nobody else', async () => {
    const saved = await save({ keepOriginals: 'yes', retentionDays: '30' });
    await saved.text();
    expect(saved.status).toBe(303);
    expect((await audited('redaction.settings')).map((e) => e.detail)).toEqual([{ keepOriginals: true, retentionDays: 30, deleted: 0 }]);
    const reference = await submit();
    expect(await kept()).toEqual([{ feel_safer: SAID }]);
    const page = `/staff/consultations/${consultationId}/responses/${reference}`;
    for (const role of ROLES) {
      const res = await (staff.get(role) as HttpClient).get(page);
      const html = await res.text();
      if (role === 'admin' || role === 'analyst') {
        expect([role, res.status]).toEqual([role, 200]);
        expect(html).toContain(STORED);
      } else expect([role, res.status]).toEqual([role, 403]);
      expect([role, html.includes(SAID)]).toEqual([role, role === 'admin']);
      expect([role, html.includes('Text as typed, before redaction')]).toEqual([role, role === 'admin']);
    }
    const other = await adminOfOther.get(page);
    expect((await other.text()).includes(SAID)).toBe(false);
    // Seeing the text as typed is itself recorded: once, for the admin, naming the response.
    const read = await audited('redaction.read-original');
    expect(read.map((e) => e.detail)).toEqual([{ reference, consultationId }]);
  });

  it('deletes originals older than the retention period, audited, when purged and by the command', async () => {
    const { db } = handle();
    expect(await purgeOriginals(db, cliActor())).toEqual([]);
    await submit();
    expect(await kept()).toHaveLength(2);
    const in31Days = new Date(Date.now() + 31 * 86_400_000);
    expect(await purgeOriginals(db, cliActor(), in31Days)).toEqual([{ partnershipId, deleted: 2 }]);
    expect(await kept()).toEqual([]);
    expect((await audited('redaction.purge-originals')).map((e) => e.detail.deleted)).toEqual([2]);

    await db
      .insertInto('response_originals')
      .values({
        id: crypto.randomUUID(),
        partnership_id: partnershipId,
        response_id: (await db.selectFrom('responses').select('id').where('partnership_id', '=', partnershipId).executeTakeFirstOrThrow()).id,
        answers: JSON.stringify({ feel_safer: SAID }),
        kept_at: new Date(Date.now() - 31 * 86_400_000).toISOString(),
      })
      .execute();
    const cli = await runCli(['--db', target(), 'text', 'purge-originals']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ purged: [{ partnershipId, deleted: 1 }] });
    expect(await kept()).toEqual([]);
    expect((await audited('redaction.purge-originals')).map((e) => e.detail.deleted).sort()).toEqual([1, 2]);
  }, 60_000);

  it('turning it off deletes what was kept, audited', async () => {
    await submit();
    expect(await kept()).toHaveLength(1);
    const saved = await save({ keepOriginals: 'no', retentionDays: '30' });
    await saved.text();
    expect(saved.status).toBe(303);
    expect(await kept()).toEqual([]);
    expect((await audited('redaction.settings')).map((e) => e.detail).at(-1)).toEqual({ keepOriginals: false, retentionDays: 30, deleted: 1 });
  });
});
