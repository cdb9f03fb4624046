// L1 and the review's note on __proto__: bad JSON bodies get a 400 that says what is wrong, and nothing is stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';

describeEachEngine('JSON request bodies', ({ handle }) => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    const { consultationId } = await openConsultation(handle(), 'crime-survey', 'JSON bodies');
    url = `/api/v1/consultations/${consultationId}/responses`;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
  });
  afterAll(() => server.close());

  const send = async (body: string) => {
    const res = await new HttpClient(server.url).request('POST', url, { body, headers: { 'content-type': 'application/json' } });
    return { status: res.status, body: await res.json() };
  };
  const stored = async () =>
    Number(
      (
        await handle()
          .db.selectFrom('responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers JSON nested thousands of levels deep with 400 and the limit, not 500', async () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const body = `${JSON.stringify(VALID_CRIME_ANSWERS).slice(0, -1)},"feel_safer":${deep}}`;
    expect(await send(body)).toEqual({
      status: 400,
      body: { error: { code: 'bad_request', message: 'The body nests arrays or objects more than 64 levels deep', fields: [] } },
    });
    expect(await stored()).toBe(0);
  });

  it('names a __proto__ or constructor.prototype key as the problem', async () => {
    const withKey = (key: string) => `${JSON.stringify(VALID_CRIME_ANSWERS).slice(0, -1)},${key}}`;
    expect((await send(withKey('"__proto__":{"x":1}'))).body.error.message).toBe('The body contains a forbidden key __proto__');
    expect((await send(withKey('"constructor":{"prototype":{"x":1}}'))).body.error.message).toBe(
      'The body contains a forbidden key constructor.prototype',
    );
    expect(await stored()).toBe(0);
  });

  it('still takes an ordinary submission', async () => {
    expect((await send(JSON.stringify(VALID_CRIME_ANSWERS))).status).toBe(201);
  });
});
