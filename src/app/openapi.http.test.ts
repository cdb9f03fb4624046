import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { registeredRoutes } from '../../test-support/registeredRoutes.js';
import { loadDemo } from '../demo/loadDemo.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';
import { cliActor } from '../platform/recordAudit.js';
import { withdrawResponse } from '../responses/manage/withdrawResponse.js';

interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: object } } }> }>>;
}

/** One real answer and where the document describes it. */
interface Exchange {
  path: string;
  method: 'get' | 'post';
  url: string;
  status: number;
  body: unknown;
}

describeEachEngine('the OpenAPI document', ({ handle }) => {
  let server: TestServer;
  let doc: OpenApiDocument;
  const exchanges: Exchange[] = [];
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  beforeAll(async () => {
    const demo = await loadDemo(handle(), cliActor());
    const { consultationId: open } = await openConsultation(handle(), 'crime-survey', 'Open survey');
    const draft = await buildConsultation({ db: handle().db, partnershipId: demo.partnershipId, template: 'blank' });
    const { crimeSurveyId: closed, membersSurveyId: members } = demo.consultations;
    server = await startTestServer(handle(), { submissionRateLimit: 0 });
    const anonymous = new HttpClient(server.url);
    const admin = new HttpClient(server.url);
    await admin.signIn('admin@saferplan.demo', DEMO_PASSWORD);
    doc = await (await anonymous.get('/api/v1/openapi.json')).json();

    const call = async (client: HttpClient, method: 'get' | 'post', path: string, url: string, body?: unknown) => {
      const response = body === undefined ? await client.get(url) : await client.postJson(url, body);
      exchanges.push({ path, method, url, status: response.status, body: await response.json() });
    };
    const partnerships = '/api/v1/partnerships';
    await call(anonymous, 'get', partnerships, partnerships);
    await call(admin, 'get', partnerships, partnerships);
    const list = '/api/v1/partnerships/{id}/consultations';
    await call(admin, 'get', list, `/api/v1/partnerships/${demo.partnershipId}/consultations`);
    await call(admin, 'get', list, '/api/v1/partnerships/elsewhere/consultations');
    const crime = '/api/v1/partnerships/{id}/crime';
    await call(admin, 'get', crime, `/api/v1/partnerships/${demo.partnershipId}/crime?groupBy=ward`);
    await call(admin, 'get', crime, `/api/v1/partnerships/${demo.partnershipId}/crime?groupBy=street`);
    await call(admin, 'get', crime, '/api/v1/partnerships/elsewhere/crime?groupBy=type');
    await call(anonymous, 'get', crime, `/api/v1/partnerships/${demo.partnershipId}/crime?groupBy=type`);
    const survey = '/api/v1/consultations/{id}/survey';
    for (const id of [closed, members, open, draft.id]) await call(anonymous, 'get', survey, `/api/v1/consultations/${id}/survey`);
    const responses = '/api/v1/consultations/{id}/responses';
    await call(anonymous, 'post', responses, `/api/v1/consultations/${open}/responses`, { answers: VALID_CRIME_ANSWERS });
    await call(anonymous, 'post', responses, `/api/v1/consultations/${open}/responses`, { ward: 'nowhere' });
    await call(anonymous, 'post', responses, `/api/v1/consultations/${closed}/responses`, VALID_CRIME_ANSWERS);
    await call(anonymous, 'post', responses, `/api/v1/consultations/${members}/responses`, {});
    await call(anonymous, 'post', responses, '/api/v1/consultations/nowhere/responses', {});
    await call(admin, 'get', responses, `/api/v1/consultations/${closed}/responses?limit=2`);
    await call(admin, 'get', responses, `/api/v1/consultations/${closed}/responses?limit=0`);
    await call(anonymous, 'get', responses, `/api/v1/consultations/${closed}/responses`);
    const analysis = '/api/v1/consultations/{id}/analysis';
    await call(admin, 'get', analysis, `/api/v1/consultations/${closed}/analysis`);
    await call(admin, 'get', analysis, `/api/v1/consultations/${closed}/analysis?ward=earlsdon&suppressBelow=5`);
    // Every response has a channel (the demo's: online, paper, email, event), so the sample can be raked to them.
    const margins = encodeURIComponent('variable,value,population\nchannel,online,700\nchannel,paper,150\nchannel,email,80\nchannel,event,70');
    await call(admin, 'get', analysis, `/api/v1/consultations/${closed}/analysis?weighted=on&margins=${margins}`);
    await call(admin, 'get', analysis, `/api/v1/consultations/${members}/analysis`);
    await call(admin, 'get', analysis, `/api/v1/consultations/${closed}/analysis?ward=nowhere`);
    await call(anonymous, 'get', analysis, `/api/v1/consultations/${closed}/analysis`);
    const crosstab = '/api/v1/consultations/{id}/crosstab';
    await call(admin, 'get', crosstab, `/api/v1/consultations/${closed}/crosstab?xq=safe_dark&by=sex`);
    await call(admin, 'get', crosstab, `/api/v1/consultations/${closed}/crosstab?xq=concerns&by=age_band`);
    await call(admin, 'get', crosstab, `/api/v1/consultations/${closed}/crosstab?xq=safe_dark&by=channel&weighted=on&margins=${margins}`);
    await call(admin, 'get', crosstab, `/api/v1/consultations/${closed}/crosstab?xq=safe_dark`);
    await call(anonymous, 'get', crosstab, `/api/v1/consultations/${closed}/crosstab?xq=safe_dark&by=sex`);
    // One response, withdrawn so that its withdrawal is shown too (asked last: the analysis above counts it).
    const one = '/api/v1/consultations/{id}/responses/{reference}';
    const { reference } = await handle()
      .db.selectFrom('responses')
      .select('reference')
      .where('consultation_id', '=', closed)
      .executeTakeFirstOrThrow();
    await withdrawResponse({
      db: handle().db,
      actor: cliActor(),
      partnershipId: demo.partnershipId,
      consultationId: closed,
      reference,
      reason: 'A test',
    });
    await call(admin, 'get', one, `/api/v1/consultations/${closed}/responses/${reference}`);
    await call(admin, 'get', one, `/api/v1/consultations/${closed}/responses/ZZZZ-ZZZZ-ZZ`);
    await call(anonymous, 'get', one, `/api/v1/consultations/${closed}/responses/${reference}`);
  });
  afterAll(() => server.close());

  it('describes every answer the API gave, and each validates against its schema in the served document', async () => {
    const problems: string[] = [];
    for (const { path, method, status, body } of exchanges) {
      const described = doc.paths[path]?.[method]?.responses[String(status)];
      const schema = described?.content?.['application/json'].schema;
      if (!schema) {
        problems.push(`${method} ${path} ${status}: not in the document`);
        continue;
      }
      // The document's components go along, so the schema's #/components/schemas/... references resolve.
      const validate = ajv.compile({ ...schema, components: doc.components });
      if (!validate(body)) problems.push(`${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
    expect(exchanges.map((e) => e.status)).toEqual(expect.arrayContaining([200, 201, 401, 403, 404, 409, 422]));
    // The weighted figures and the weighting report are among what was checked.
    expect(exchanges.find((e) => e.url.includes('weighted=on'))?.body).toMatchObject({ weighted: true, weighting: { variables: ['channel'] } });
  });

  it('asks every documented operation at least once, and documents every /api/v1 route the app serves', () => {
    const asked = new Set(exchanges.map((e) => `${e.method.toUpperCase()} ${e.path}`));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.filter((op) => !asked.has(op))).toEqual([]);
    const served = registeredRoutes(server.app)
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    expect(served.sort()).toEqual(documented.map((op) => op.replace(/\{\w+\}/g, ':_')).sort());
  });
});
