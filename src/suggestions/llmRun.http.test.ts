// Asking the partnership's LLM from the suggestions page: who may, what is sent (stored, redacted text only), the
// outcome kept as suggestions that count only when a person ticks them, and a failure that changes nothing; against a
// real chat-completions server started here, on both engines.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startChatCompletionsServer } from '../../test-support/chatCompletionsServer.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { ROLES, type Role } from '../accounts/roles.js';
import { listThemes, unitStates } from '../coding/index.js';
import type { Consultation } from '../consultations/index.js';
import { markInterruptedLlmRuns } from './llm/llmRuns.js';
import { latestLlmRun } from './queries/latestLlmRun.js';
import { buildSuggestionData, UNCODED } from './suggestTestData.fixture.js';

const KEY = 'sk-test-run-0123456789';

describeEachEngine('asking the LLM from the suggestions page', ({ handle }) => {
  let server: TestServer;
  let llm: Awaited<ReturnType<typeof startChatCompletionsServer>>;
  let failAt = '';
  let c: Consultation;
  let partnershipId = '';
  const staff = new Map<Role, HttpClient>();
  let adminOfOther: HttpClient;
  const page = () => `/staff/consultations/${c.id}/coding/suggestions`;
  const db = () => handle().db;
  const runs = async () => (await db().selectFrom('llm_runs').select(['id', 'status']).where('consultation_id', '=', c.id).execute()).length;
  const codings = async () => [...(await unitStates(db(), partnershipId, c.id, 'primary')).values()].reduce((n, s) => n + s.themeIds.length, 0);
  const ask = async (client: HttpClient) => client.postForm(`${page()}/llm`, { _csrf: await client.csrfFrom(page()), question: 'feel_safer' });
  const finished = async () => {
    for (let i = 0; i < 200; i++) {
      const run = await latestLlmRun(db(), partnershipId, c.id, 'feel_safer');
      if (run && run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the LLM run did not finish');
  };

  beforeAll(async () => {
    llm = await startChatCompletionsServer({ apiKey: KEY, behaviourFor: (stage) => (stage === failAt ? 'server-error' : 'answer') });
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    const built = await buildSuggestionData(handle());
    c = built.consultation;
    partnershipId = built.partnershipId;
    for (const role of ROLES) staff.set(role, (await buildUser({ db: db(), role, partnershipId, server })).client);
    adminOfOther = (await buildUser({ db: db(), role: 'admin', server })).client;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await llm.close();
  });

  it('says no LLM is set up, and refuses to ask one, changing nothing', async () => {
    const analyst = staff.get('analyst') as HttpClient;
    expect(await (await analyst.get(page())).text()).toContain('No LLM is set up for this partnership');
    const res = await ask(analyst);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('No LLM is set up for this partnership');
    expect(await runs()).toBe(0);
  });

  it('lets only this partnership’s analysts and admins ask', async () => {
    const admin = staff.get('admin') as HttpClient;
    const settings = `/staff/partnerships/${partnershipId}/llm`;
    const saved = await admin.postForm(settings, { _csrf: await admin.csrfFrom(settings), baseUrl: llm.baseUrl, model: 'llama3.1', apiKey: KEY });
    expect(saved.status).toBe(303);
    for (const role of ['partner', 'member', 'viewer'] as const) {
      const client = staff.get(role) as HttpClient;
      const res = await client.postForm(`${page()}/llm`, { _csrf: await client.csrfFrom('/staff'), question: 'feel_safer' });
      expect([role, res.status]).toEqual([role, 403]);
    }
    const other = await adminOfOther.postForm(`${page()}/llm`, { _csrf: await adminOfOther.csrfFrom('/staff'), question: 'feel_safer' });
    expect(other.status).toBe(403);
    expect(await runs()).toBe(0);
    expect(llm.received).toHaveLength(0);
  });

  it('sends the uncoded answers’ stored text, keeps the themes it gives as suggestions, and counts them only when ticked', async () => {
    const analyst = staff.get('analyst') as HttpClient;
    const before = await codings();
    const res = await ask(analyst);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=llm');
    const run = await finished();
    expect(run.status).toBe('done');
    expect(run.answersSent).toBe(UNCODED.length);
    // Only the uncoded answers, by reference and text; never the answers a person coded.
    const sent = llm.received.map((r) => r.body.messages.at(-1)?.content ?? '').join('\n');
    for (const text of UNCODED) expect(sent).toContain(text);
    expect(sent).not.toContain('Cars speeding down the high street');
    expect(llm.received.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(await codings()).toBe(before);
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'coding.llm-run')
      .where('partnership_id', '=', partnershipId)
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
      expect.objectContaining({ question: 'feel_safer', answers: UNCODED.length, model: 'llama3.1' }),
    ]);

    const html = await (await analyst.get(page())).text();
    expect(html).toContain('The themes it found');
    expect(html).toContain('Street lighting');
    expect(html).toContain('The themes it gave each uncoded answer');
    expect(html).not.toContain(KEY);
    // Its "Drug dealing" is not in the codebook: it cannot be ticked until added.
    expect(html).toContain('Drug dealing (add it to the codebook first)');

    // The analyst ticks the LLM's street-lighting theme for one answer: that, and only that, becomes a coding.
    const lighting = (await listThemes(db(), partnershipId, c.id)).find((t) => t.name === 'Street lighting');
    const box = new RegExp(`value="([^"]+ ${lighting?.id})"`).exec(html)?.[1] ?? '';
    expect(box).not.toBe('');
    const accepted = await analyst.postForm(`${page()}/accept`, { _csrf: await analyst.csrfFrom(page()), question: 'feel_safer', accept: box });
    expect(accepted.status).toBe(303);
    expect(await codings()).toBe(before + 1);
  });

  it('says which stage failed and why, and leaves the coding as it was', async () => {
    failAt = 'condense';
    const before = await codings();
    const analyst = staff.get('analyst') as HttpClient;
    expect((await ask(analyst)).status).toBe(303);
    const run = await finished();
    expect(run).toMatchObject({ status: 'failed', stage: 'condense' });
    expect(await codings()).toBe(before);
    const html = await (await analyst.get(page())).text();
    expect(html).toContain('The LLM could not finish (condense stage)');
    expect(html).toContain('answered 500');
    failAt = '';
  });

  it('marks a run a stopped server left going as interrupted, so the question can be asked again', async () => {
    await db().updateTable('llm_runs').set({ status: 'running' }).where('consultation_id', '=', c.id).execute();
    const analyst = staff.get('analyst') as HttpClient;
    const refused = await ask(analyst);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('already working on this question');
    await markInterruptedLlmRuns(db());
    expect(await finished()).toMatchObject({ status: 'failed', stage: 'start' });
    expect((await ask(analyst)).status).toBe(303);
    expect((await finished()).status).toBe('done');
  });
});
