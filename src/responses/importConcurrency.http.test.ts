import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';

const ROWS = 50_000;
const HEADER = 'ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,feel_safer,channel\n';

/** How long a request takes, in milliseconds. */
async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await request();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

describeEachEngine('the service during a large import', ({ handle }) => {
  let server: TestServer;
  let analyst: HttpClient;
  let consultationId: string;
  beforeAll(async () => {
    ({ consultationId } = await openConsultation(handle(), 'crime-survey', 'Busy survey'));
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    analyst = new HttpClient(server.url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
  });
  afterAll(() => server.close());

  // Health checks and submissions waited for the whole import (about 2 s), its transaction held while the file
  // was read. Now the database is held only while the validated rows are written: health checks read meanwhile,
  // and a submission waits for that write alone. As times on a shared machine vary, the submissions' bound is a
  // share of the import's own time, which the old import (held throughout) could not meet.
  it(`answers /health within 1 s and takes public submissions while ${ROWS.toLocaleString('en-GB')} rows are imported`, {
    timeout: 180_000,
  }, async () => {
    const page = `/staff/consultations/${consultationId}/import`;
    const _csrf = await analyst.csrfFrom(page);
    const form = new FormData();
    const csv = HEADER + Array.from({ length: ROWS }, (_, i) => `earlsdon,very_safe,fairly_safe,very_safe,a_bit_unsafe,answer ${i},paper\n`).join('');
    form.append('file', new Blob([csv]), 'many.csv');
    let done = false;
    const started = performance.now();
    const importing = analyst.postMultipart(`${page}?_csrf=${encodeURIComponent(_csrf)}`, form).then(async (res) => {
      done = true;
      return { status: res.status, location: res.headers.get('location'), html: await res.text(), ms: performance.now() - started };
    });
    // Dashboards load meanwhile: their sessions and analyses use the database too (the benchmark froze the server
    // here when the import waited for the write lock synchronously).
    const viewer = new HttpClient(server.url);
    await viewer.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    const dashboards = (async () => {
      const statuses: number[] = [];
      while (!done) statuses.push((await timed(() => viewer.get(`/staff/consultations/${consultationId}/analysis`))).status);
      return statuses;
    })();
    const health: number[] = [];
    const submissions: number[] = [];
    const api = `${server.url}/api/v1/consultations/${consultationId}/responses`;
    while (!done) {
      const [h, s] = await Promise.all([
        timed(() => fetch(`${server.url}/health`)),
        timed(() => fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID_CRIME_ANSWERS) })),
      ]);
      expect([h.status, s.status]).toEqual([200, 201]);
      health.push(h.ms);
      submissions.push(s.ms);
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = await importing;
    expect(new Set(await dashboards)).toEqual(new Set([200]));
    expect([result.status, result.location]).toEqual([303, `${page}?imported=${ROWS}`]);
    expect(health.length).toBeGreaterThan(3);
    expect(Math.max(...health)).toBeLessThan(1000);
    expect(Math.max(...submissions)).toBeLessThan(result.ms * 0.6);
  });
});
