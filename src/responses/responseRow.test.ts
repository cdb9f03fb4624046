import { expect, it } from 'vitest';
import { pushColumnValues, RESPONSE_COLUMNS } from './responseRow.js';

it('lays out a response in RESPONSE_COLUMNS order, after what is already in the array', () => {
  const stored = {
    partnership_id: 'p-1',
    id: 'id-1',
    consultation_id: 'c-1',
    reference: 'K7M2-9QXA-3F',
    survey_version: 3,
    channel: 'email',
    answers: '{"ward":"earlsdon"}',
    submitted_at: '2024-07-10T14:30:00.000Z',
    entered_by: 'u-1',
    idempotency_key: 'k-1',
    import_id: 'i-1',
    is_demo: 1,
  };
  const { id, reference, ...row } = stored;
  const out: unknown[] = ['earlier'];
  pushColumnValues(out, { id, reference, row });
  expect(out).toEqual(['earlier', ...RESPONSE_COLUMNS.map((column) => stored[column])]);
});
