import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import { type HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { runCli } from '../../test-support/runCli.js';
import type { Consultation } from './queries/loadConsultation.js';

describeEachEngine('one presentation of a resource for the API and the CLI', ({ handle, target }) => {
  let server: TestServer;
  let partnership: BuiltPartnership;
  let consultation: Consultation;
  let client: HttpClient;
  beforeAll(async () => {
    server = await startTestServer(handle());
    partnership = await buildPartnership({ db: handle().db });
    consultation = await buildConsultation({ db: handle().db, partnershipId: partnership.id, stage: 'open', title: 'Crime Survey 2027' });
    await buildConsultation({ db: handle().db, partnershipId: partnership.id, stage: 'draft', template: 'blank' });
    ({ client } = await buildUser({ db: handle().db, partnershipId: partnership.id, role: 'viewer', server }));
  });
  afterAll(() => server.close());
  const cli = async (args: string[]) => JSON.parse((await runCli(['--db', target(), ...args])).stdout);

  it('lists consultations the same way in GET /api/v1/partnerships/{id}/consultations and consultation list --format json', async () => {
    const api = await (await client.get(`/api/v1/partnerships/${partnership.id}/consultations`)).json();
    expect(await cli(['consultation', 'list', '--format', 'json', '--partnership', partnership.id])).toEqual(api.consultations);
    expect(api.consultations).toHaveLength(2);
    const shown = api.consultations.find((c: { id: string }) => c.id === consultation.id);
    expect(Object.keys(shown)).toEqual([
      'id',
      'partnershipId',
      'slug',
      'template',
      'title',
      'summary',
      'purpose',
      'audiences',
      'status',
      'opensAt',
      'closesAt',
      'closedAt',
      'topics',
      'resultsVisibility',
      'surveyVersion',
      'isDemo',
      'createdAt',
    ]);
    expect(shown).toMatchObject({ title: 'Crime Survey 2027', status: 'open', template: 'crime-survey', audiences: ['public'], surveyVersion: 1 });
  });

  it('shows a survey the same way in GET /api/v1/consultations/{id}/survey and survey show, wards from the partnership', async () => {
    const api = await (await client.get(`/api/v1/consultations/${consultation.id}/survey`)).json();
    expect(await cli(['survey', 'show', consultation.id, '--format', 'json'])).toEqual(api);
    expect(Object.keys(api)).toEqual(['consultationId', 'version', 'title', 'questions', 'columns', 'definition']);
    const ward = api.questions.find((q: { code: string }) => q.code === 'ward');
    expect(ward.options).toEqual(partnership.wards.map((w) => ({ value: w.code, label: w.name })));
    expect(api.questions.find((q: { code: string }) => q.code === 'safety_area')).toMatchObject({
      type: 'rating_grid',
      page: 'feeling_safe',
      rows: [expect.objectContaining({ code: 'safe_day' }), expect.objectContaining({ code: 'safe_dark' })],
    });
    expect(api.columns.slice(0, 4)).toEqual(['ward', 'postcode', 'safe_day', 'safe_dark']);
    expect(api.definition.pages[0].code).toBe('where_you_live');
  });
});
