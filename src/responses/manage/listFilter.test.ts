import { describe, expect, it } from 'vitest';
import { nextDay, pageNumbers, readFilter } from './listFilter.js';
import { responsesListRequest } from './schema.js';

/** The form as sent with every field empty. */
const blank = responsesListRequest.shape.query.parse({});
const context = { wardQuestion: 'ward', wardCodes: ['earlsdon', 'wyken'] };

describe('the responses list filter', () => {
  it('reads nothing as no filter, page 1', () => {
    expect(readFilter(blank, context)).toEqual({ filter: {}, page: 1, errors: [] });
  });

  it('reads UK days as instants: from midnight of the first to midnight after the last (BST and GMT)', () => {
    const read = readFilter(
      { ...blank, 'from-day': '5', 'from-month': '2', 'from-year': '2026', 'to-day': '10', 'to-month': '7', 'to-year': '2026', page: '3' },
      context,
    );
    expect(read).toEqual({ filter: { from: '2026-02-05T00:00:00.000Z', before: '2026-07-10T23:00:00.000Z' }, page: 3, errors: [] });
  });

  it('reads a channel and a ward it knows, and names each problem', () => {
    expect(readFilter({ ...blank, channel: 'paper', ward: 'wyken' }, context).filter).toEqual({
      channel: 'paper',
      ward: { question: 'ward', code: 'wyken' },
    });
    const bad = readFilter(
      { ...blank, channel: 'fax', ward: 'nowhere', 'from-day': '31', 'from-month': '2', 'from-year': '2026', page: 'x' },
      context,
    );
    expect(bad.errors).toEqual([
      { field: 'channel', message: 'Channel must be one of: online, paper, email, phone, event, import' },
      { field: 'ward', message: 'Select a ward from the list' },
      { field: 'from-day', message: 'The "from" date must be a real date, like 27 3 2024' },
    ]);
    expect(bad.page).toBe(1);
    expect(readFilter({ ...blank, ward: 'wyken' }, { wardQuestion: undefined, wardCodes: [] }).errors).toHaveLength(1);
  });

  it('refuses a "to" date before the "from" date', () => {
    const read = readFilter(
      { ...blank, 'from-day': '2', 'from-month': '1', 'from-year': '2026', 'to-day': '1', 'to-month': '1', 'to-year': '2026' },
      context,
    );
    expect(read).toEqual({
      filter: {},
      page: 1,
      errors: [{ field: 'to-day', message: 'The "to" date must be the same as or after the "from" date' }],
    });
  });

  it('finds the next day across months and years', () => {
    expect([nextDay('2026-02-28'), nextDay('2024-02-28'), nextDay('2026-12-31')]).toEqual(['2026-03-01', '2024-02-29', '2027-01-01']);
  });

  it('offers the first, last and neighbouring pages with gaps', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
});
