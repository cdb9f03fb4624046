import { describe, expect, it } from 'vitest';
import { readAuditFilter, readPageNumber } from './filters.js';
import type { AuditFilterQuery } from './schema.js';

const blank: AuditFilterQuery = {
  person: '',
  action: '',
  subject: '',
  'from-day': '',
  'from-month': '',
  'from-year': '',
  'to-day': '',
  'to-month': '',
  'to-year': '',
};

describe('readAuditFilter', () => {
  it('reads nothing from a blank form', () => {
    expect(readAuditFilter(blank)).toEqual({ filter: {}, fields: [] });
  });

  it('reads a person, an action or a group of them, a record, and UK days as instants (summer and winter time)', () => {
    const read = readAuditFilter({
      ...blank,
      person: ' Jane ',
      action: 'downloads',
      subject: 'consultation:abc-123',
      'from-day': '5',
      'from-month': '2',
      'from-year': '2026',
      'to-day': '1',
      'to-month': '7',
      'to-year': '2026',
    });
    expect(read).toEqual({
      fields: [],
      filter: {
        person: 'Jane',
        actions: ['responses.export', 'invitations.export', 'invitations.download_links', 'audit.export', 'coding.export'],
        subject: { entity: 'consultation', id: 'abc-123' },
        from: '2026-02-05T00:00:00.000Z',
        // The end of 1 July in UK summer time: midnight on 2 July is 23:00 UTC on 1 July.
        before: '2026-07-01T23:00:00.000Z',
      },
    });
    expect(readAuditFilter({ ...blank, action: 'user.role', subject: 'user' }).filter).toEqual({
      actions: ['user.role'],
      subject: { entity: 'user' },
    });
  });

  it('names each problem: a date that is not real, dates the wrong way round, an unknown action or record', () => {
    expect(readAuditFilter({ ...blank, 'from-day': '31', 'from-month': '2', 'from-year': '2026' }).fields).toEqual([
      { field: 'from', message: 'From date must be a real date, like 5 2 2026' },
    ]);
    expect(
      readAuditFilter({ ...blank, 'from-day': '2', 'from-month': '3', 'from-year': '2026', 'to-day': '1', 'to-month': '3', 'to-year': '2026' })
        .fields,
    ).toEqual([{ field: 'to', message: 'To date must be the same as or after the from date' }]);
    expect(readAuditFilter({ ...blank, action: 'DROP TABLE', subject: 'planet:earth', person: 'x'.repeat(201) }).fields).toEqual([
      { field: 'person', message: 'Person must be 200 characters or fewer' },
      { field: 'action', message: 'Choose an action from the list' },
      { field: 'subject', message: 'Choose a record from the list' },
    ]);
  });
});

describe('readPageNumber', () => {
  it('takes a whole number from 1, and the first page for anything else', () => {
    expect(['3', ' 12 ', '0', '-2', 'x', '', '1e3', '9999999'].map(readPageNumber)).toEqual([3, 12, 1, 1, 1, 1, 1, 1]);
  });
});
