// The admins' LLM settings page: who may use it, validation, the key sealed and never shown, audit; and the saved
// settings driving a real run against a local chat-completions server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChatCompletionsServer } from '../../test-support/chatCompletionsServer.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { runLlmThemes } from './llm/runLlmThemes.js';
import { loadLlmEndpoint } from './queries/loadLlmSettings.js';

const SECRET = 'a-test-session-secret-of-more-than-32-characters';
const KEY = 'sk-very-secret-key-4242';

describeEachEngine('LLM settings', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const page = () => `/staff/partnerships/${p.id}/llm`;
  const stored = async () => handle().db.selectFrom('llm_settings').selectAll().where('partnership_id', '=', p.id).executeTakeFirst();
  const audited = async () =>
    (await handle().db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', p.id).execute())
      .filter((e) => e.action.startsWith('suggestions.'))
      .map((e) => ({ action: e.action, detail: JSON.parse(e.detail) as Record<string, unknown>, raw: e.detail }));
  const save = async (form: Record<string, string>) => {
    const admin = staff.get('admin') as HttpClient;
    return admin.postForm(page(), { _csrf: await admin.csrfFrom(page()), ...form });
  };

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0, sessionSecret: SECRET });
    p = await buildPartnership({ db });
    for (const role of ROLES) staff.set(role, (await buildUser({ db, role, partnershipId: p.id, server })).client);
    adminOfOther = (await buildUser({ db, role: 'admin', server })).client;
  });
  afterAll(() => server.close());

  it('is for the admins of this partnership only, and changes nothing for anyone else', async () => {
    const form = { baseUrl: 'http://127.0.0.1:9/v1', model: 'planted', apiKey: 'planted' };
    for (const role of ROLES) {
      const client = staff.get(role) as HttpClient;
      expect([role, (await client.get(page())).status]).toEqual([role, role === 'admin' ? 200 : 403]);
      if (role === 'admin') continue;
      const csrf = await client.csrfFrom('/staff');
      expect([role, (await client.postForm(page(), { _csrf: csrf, ...form })).status]).toEqual([role, 403]);
      expect([role, (await client.postForm(`${page()}/remove`, { _csrf: csrf })).status]).toEqual([role, 403]);
    }
    const anonymous = new HttpClient(server.url);
    expect((await anonymous.get(page())).status).toBe(303);
    expect((await anonymous.postForm(page(), { _csrf: await anonymous.csrfFrom('/sign-in'), ...form })).status).toBe(401);
    expect((await adminOfOther.get(page())).status).toBe(403);
    expect((await adminOfOther.postForm(page(), { _csrf: await adminOfOther.csrfFrom('/staff'), ...form })).status).toBe(403);
    expect(await stored()).toBeUndefined();
    expect(await audited()).toEqual([]);
    expect(await (await (staff.get('admin') as HttpClient).get(`/staff/partnerships/${p.id}/settings`)).text()).toContain(page());
  });

  it('refuses a bad URL or model, saying which field and why, and saves nothing', async () => {
    for (const [form, message, field] of [
      [{ baseUrl: '', model: 'm' }, 'Enter the base URL of the LLM', 'baseUrl'],
      [{ baseUrl: 'ftp://example.org', model: 'm' }, 'Enter the base URL as an http:// or https:// address', 'baseUrl'],
      [{ baseUrl: 'https://user:pw@example.org/v1', model: 'm' }, 'without a user name or password', 'baseUrl'],
      [{ baseUrl: 'https://example.org/v1', model: '' }, 'Enter the model name', 'model'],
      [{ baseUrl: 'https://example.org/v1', model: 'bad model <script>' }, 'The model name may use letters', 'model'],
      [{ baseUrl: 'https://example.org/v1', model: 'm', apiKey: 'k'.repeat(1001) }, 'The API key must be 1000 characters or fewer', 'apiKey'],
    ] as const) {
      const res = await save(form);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('There is a problem');
      expect(html).toContain(message);
      expect(html).toContain(`href="#${field}"`);
    }
    expect(await stored()).toBeUndefined();
    expect(await audited()).toEqual([]);
  });

  it('seals the key, never shows it back, audits without it, and keeps it when the key field is left blank', async () => {
    expect((await save({ baseUrl: 'https://example.org/v1', model: 'gpt-4o-mini', apiKey: KEY })).headers.get('location')).toBe(`${page()}?saved=1`);
    const row = await stored();
    expect(row).toMatchObject({ base_url: 'https://example.org/v1', model: 'gpt-4o-mini' });
    expect(row?.api_key_sealed).not.toContain(KEY);
    const html = await (await (staff.get('admin') as HttpClient).get(`${page()}?saved=1`)).text();
    expect(html).toContain('The LLM settings were saved.');
    expect(html).toContain('A key is saved (it is never shown)');
    expect(html).not.toContain(KEY);
    expect(html).not.toContain(row?.api_key_sealed as string);

    await save({ baseUrl: 'https://example.org/v2', model: 'gpt-4o', apiKey: '' });
    expect((await loadLlmEndpoint(handle().db, p.id, SECRET))?.endpoint).toEqual({ baseUrl: 'https://example.org/v2', model: 'gpt-4o', apiKey: KEY });
    expect(await loadLlmEndpoint(handle().db, p.id, `${SECRET}-rotated`)).toMatchObject({ keyLost: true });

    await save({ baseUrl: 'https://example.org/v2', model: 'gpt-4o', removeKey: 'yes' });
    expect((await stored())?.api_key_sealed).toBeNull();
    const entries = await audited();
    expect(JSON.stringify(entries)).not.toContain(KEY);
    // Three saves: the key replaced, left as it was (blank field), removed; the URL and model in each, the key in none.
    expect(entries.map((e) => `${e.action} ${e.detail.apiKey} ${e.detail.model}`).sort()).toEqual([
      'suggestions.set_llm removed gpt-4o',
      'suggestions.set_llm replaced gpt-4o-mini',
      'suggestions.set_llm unchanged gpt-4o',
    ]);
  });

  it('removes the LLM (audited), after which suggestions have no endpoint', async () => {
    const admin = staff.get('admin') as HttpClient;
    const res = await admin.postForm(`${page()}/remove`, { _csrf: await admin.csrfFrom(page()) });
    expect(res.headers.get('location')).toBe(`${page()}?saved=removed`);
    expect(await stored()).toBeUndefined();
    expect(await loadLlmEndpoint(handle().db, p.id, SECRET)).toBeUndefined();
    expect((await audited()).filter((e) => e.action === 'suggestions.remove_llm')).toHaveLength(1);
  });

  it('drives a run with the saved endpoint and key against a real chat-completions server', async () => {
    const llm = await startChatCompletionsServer({ apiKey: KEY });
    try {
      await save({ baseUrl: llm.baseUrl, model: 'llama3.1', apiKey: KEY });
      const saved = await loadLlmEndpoint(handle().db, p.id, SECRET);
      const result = await runLlmThemes(saved?.endpoint as NonNullable<typeof saved>['endpoint'], {
        question: 'What would make your area safer?',
        answers: [{ reference: 'R1', text: 'Stop the speeding' }],
      });
      expect(result.ok && [...result.assignments]).toEqual([['R1', ['Speeding traffic']]]);
      expect(llm.received[0]?.authorization).toBe(`Bearer ${KEY}`);
    } finally {
      await llm.close();
    }
  });
});
