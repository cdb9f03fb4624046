import { describe, expect, it } from 'vitest';
import type { Consultation } from '../../consultations/index.js';
import type { Partnership } from '../../partnerships/index.js';
import type { SurveyDefinition } from '../../surveys/index.js';
import { listView } from './pages.js';
import { responsesListRequest } from './schema.js';

const consultation = { id: 'c1', title: 'Survey' } as Consultation;
const partnership = {} as Partnership;
const query = responsesListRequest.shape.query.parse({ channel: 'paper', page: '2' });
const survey = (withWard: boolean): SurveyDefinition => ({
  schemaVersion: 1,
  title: 'Survey',
  pages: [
    {
      code: 'p',
      title: 'P',
      questions: [
        { code: 'name', type: 'short_text', label: 'Name', required: false, maxLength: 100 },
        ...(withWard ? [{ code: 'home', type: 'ward' as const, label: 'Ward', required: false }] : []),
      ],
    },
  ],
});
const row = (reference: string, withdrawn: boolean) => ({
  reference,
  channel: 'paper',
  submittedAt: '2026-02-05T10:00:00.000Z',
  answers: { home: 'w1' },
  withdrawn,
});
const view = (withWard: boolean, total = 120) =>
  listView({
    consultation,
    partnership,
    query,
    found: { total, rows: [row('AAAA-AAAA-AA', false), row('BBBB-BBBB-BB', true)] },
    page: 2,
    definition: survey(withWard),
    wards: [{ code: 'w1', name: 'Wyken' }],
    fields: [],
    canEnter: false,
  });

describe('the responses list page', () => {
  it("shows each response's ward by name under the survey's ward question, and its status", () => {
    const v = view(true);
    expect(v.head.map((h) => h.text)).toEqual(['Reference', 'Channel', 'Received', 'Ward', 'Status']);
    expect(v.rows[0]?.slice(1)).toEqual([{ text: 'Paper' }, { text: '5 Feb 2026, 10:00' }, { text: 'Wyken' }, { text: 'Counted' }]);
    expect(v.rows[1]?.[4]).toEqual({ html: '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>' });
    expect(v.wardItems.map((i) => i.text)).toEqual(['All wards', 'Wyken']);
    expect(v.summary).toBe('Showing 51 to 52 of 120 responses, newest first.');
    expect(v.keyInUrl).toBeUndefined();
  });

  it('leaves the ward column and filter out for a survey that asks no ward', () => {
    const v = view(false);
    expect(v.head.map((h) => h.text)).toEqual(['Reference', 'Channel', 'Received', 'Status']);
    expect(v.rows[0]).toHaveLength(4);
    expect(v.wardItems).toEqual([]);
  });

  it('links the other pages keeping the filter', () => {
    const { pagination } = view(true);
    expect(pagination?.previous?.href).toBe('/staff/consultations/c1/responses?channel=paper');
    expect(pagination?.next?.href).toBe('/staff/consultations/c1/responses?channel=paper&page=3');
    expect(pagination?.items.map((i) => ('number' in i ? i.number : '…'))).toEqual([1, 2, 3]);
    expect(view(true, 50).pagination).toBeUndefined();
  });
});
