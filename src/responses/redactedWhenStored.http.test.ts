// The public API stores a resident's free text redacted, and answers with the reference only (nothing echoed).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';

describeEachEngine('free text redacted when stored through the API', ({ handle }) => {
  let server: TestServer;
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle()));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
  });
  afterAll(() => server.close());

  it('stores [name], [email] and the postcode sector in place of what was typed', async () => {
    const feel_safer = 'Ask Sarah Jones at sarah.jones@example.com, she lives at CV3 5DL and saw it all';
    const res = await new HttpClient(server.url).postJson(`/api/v1/consultations/${consultationId}/responses`, {
      answers: { ...VALID_CRIME_ANSWERS, feel_safer },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(JSON.stringify(body)).not.toContain('Sarah');
    const row = await handle().db.selectFrom('responses').select('answers').where('reference', '=', body.reference).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers).feel_safer).toBe('Ask [name] at [email], she lives at CV3 5.. and saw it all');
  });
});
