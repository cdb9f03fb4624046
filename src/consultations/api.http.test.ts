import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';
import { cliActor } from '../platform/recordAudit.js';
import { changeConsultationStage } from './changeConsultationStage.js';

describeEachEngine('consultation responses API', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  let partnershipId: string;
  beforeAll(async () => {
    ({ consultationId, partnershipId } = await openConsultation(handle()));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
  });
  afterAll(() => server.close());
  const url = () => `/api/v1/consultations/${consultationId}/responses`;

  it('stores a valid response and answers 201 with its reference', async () => {
    const res = await new HttpClient(server.url).postJson(url(), { answers: VALID_CRIME_ANSWERS });
    expect(res.status).toBe(201);
    const { reference } = await res.json();
    expect(reference).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    const row = await handle().db.selectFrom('responses').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row.channel).toBe('online');
    const answers = JSON.parse(row.answers);
    expect(answers.postcode).toBe('CV5 6');
    expect(answers.concerns).toEqual(['fly_tipping', 'asb', 'drugs']);
    expect(answers.safe_dark).toBe('a_bit_unsafe');
  });

  it('accepts the answers object itself as the body', async () => {
    const res = await new HttpClient(server.url).postJson(url(), VALID_CRIME_ANSWERS);
    expect(res.status).toBe(201);
  });

  it('answers 422 with an error for each bad field and stores nothing', async () => {
    const before = await countResponses();
    const res = await new HttpClient(server.url).postJson(url(), {
      answers: { ...VALID_CRIME_ANSWERS, safe_dark: 'terrified', postcode: 'XX', bogus_code: 'x' },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['bogus_code', 'postcode', 'safe_dark']);
    expect(await countResponses()).toBe(before);
  });

  it('stores a retried submission with the same Idempotency-Key once', async () => {
    const before = await countResponses();
    const client = new HttpClient(server.url);
    const key = crypto.randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => client.postJson(url(), VALID_CRIME_ANSWERS, { 'idempotency-key': key })));
    const references = await Promise.all(results.map(async (r) => (await r.json()).reference));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(references).size).toBe(1);
    expect(await countResponses()).toBe(before + 1);
    const again = await client.postJson(url(), VALID_CRIME_ANSWERS, { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).reference).toBe(references[0]);
  });

  it('refuses an Idempotency-Key reused with a different body, and still replays a retry with the same body', async () => {
    const client = new HttpClient(server.url);
    const key = crypto.randomUUID();
    const first = await client.postJson(url(), VALID_CRIME_ANSWERS, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const { reference } = await first.json();
    const before = await countResponses();

    const different = await client.postJson(
      url(),
      { ...VALID_CRIME_ANSWERS, feel_safer: 'A completely different answer' },
      { 'idempotency-key': key },
    );
    expect(different.status).toBe(422);
    const body = await different.json();
    expect(body.error.code).toBe('idempotency_key_reused');
    expect(body.error.message).toBe(
      'This Idempotency-Key was already used for a different request: send a new key with a new response (a retry must repeat the same body)',
    );

    const reordered = Object.fromEntries(Object.entries(VALID_CRIME_ANSWERS).reverse());
    const retry = await client.postJson(url(), reordered, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json()).reference).toBe(reference);
    expect(await countResponses()).toBe(before);
  });

  it('lists responses to staff only', async () => {
    const anonymous = await new HttpClient(server.url).get(url());
    expect(anonymous.status).toBe(401);
    const analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    const res = await analyst.get(`${url()}?limit=2`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.responses).toHaveLength(2);
    expect(body.responses[0]).toEqual(
      expect.objectContaining({ channel: 'online', surveyVersion: 1, answers: expect.objectContaining({ ward: 'earlsdon' }) }),
    );
    expect(body.next).toEqual(expect.any(String));
    const rest = await (await analyst.get(`${url()}?limit=100&after=${encodeURIComponent(body.next)}`)).json();
    expect(rest.responses.length + 2).toBe(await countResponses());
  });

  it('refuses submissions once the consultation has closed, with a clear message', async () => {
    await changeConsultationStage({ db: handle().db, actor: cliActor(), partnershipId, consultationId, action: 'close' });
    server.app.log.info('closed');
    await new Promise((r) => setTimeout(r, 1100)); // the runtime cache holds a consultation for up to a second
    const res = await new HttpClient(server.url).postJson(url(), VALID_CRIME_ANSWERS);
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe('not_open');
    expect(body.error.message).toMatch(/^This consultation closed on \d{1,2} \w+ \d{4} at/);
  });

  it('answers unknown consultations with 404 JSON', async () => {
    const res = await new HttpClient(server.url).postJson('/api/v1/consultations/nope/responses', VALID_CRIME_ANSWERS);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  async function countResponses() {
    const r = await handle()
      .db.selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
});
