import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { committerFor } from './committerFor.js';
import { type Committer, type NewResponse, RESPONSE_COLUMNS } from './responseRow.js';

describeEachEngine('the engine committers', ({ handle }) => {
  let committer: Committer;
  let ids: { partnershipId: string; consultationId: string };
  beforeAll(async () => {
    ids = await openConsultation(handle(), 'crime-survey', 'Committers');
    committer = committerFor(handle());
  });
  afterAll(() => committer.close());

  const response = (id: string, reference: string, key: string | null): NewResponse => ({
    id,
    reference,
    row: {
      partnership_id: ids.partnershipId,
      consultation_id: ids.consultationId,
      survey_version: 1,
      channel: 'paper',
      answers: '{"ward":"earlsdon","concerns":["asb","drugs"]}',
      submitted_at: '2024-07-10T14:30:00.000Z',
      entered_by: null,
      idempotency_key: key,
      import_id: null,
      is_demo: 1,
    },
  });

  it('stores a batch exactly as given and reports nothing when every row went in', async () => {
    const outcome = await committer.commit([response('c-1', 'AAAA-AAAA-01', null), response('c-2', 'AAAA-AAAA-02', 'key-1')]);
    expect([...outcome]).toEqual([]);
    const rows = await handle()
      .db.selectFrom('responses')
      .select([...RESPONSE_COLUMNS])
      .where('id', 'in', ['c-1', 'c-2'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { ...response('c-1', 'AAAA-AAAA-01', null).row, id: 'c-1', reference: 'AAAA-AAAA-01' },
      { ...response('c-2', 'AAAA-AAAA-02', 'key-1').row, id: 'c-2', reference: 'AAAA-AAAA-02' },
    ]);
  });

  it('reports, by position in the batch, a repeated Idempotency-Key and a reference already taken', async () => {
    const outcome = await committer.commit([
      response('c-3', 'AAAA-AAAA-03', null),
      response('c-4', 'AAAA-AAAA-04', 'key-1'),
      response('c-5', 'AAAA-AAAA-01', null),
      response('c-6', 'AAAA-AAAA-06', 'key-2'),
      response('c-7', 'AAAA-AAAA-07', 'key-2'),
    ]);
    expect([...outcome]).toEqual([
      [1, { status: 'duplicate', id: 'c-2', reference: 'AAAA-AAAA-02' }],
      [2, { status: 'collision' }],
      [4, { status: 'duplicate', id: 'c-6', reference: 'AAAA-AAAA-06' }],
    ]);
    const stored = await handle().db.selectFrom('responses').select('id').where('id', 'like', 'c-%').orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-6']);
  });
});
