import { describe, expect, it } from 'vitest';
import type { AuditFilterQuery } from './schema.js';
import { auditPage, auditQueryString, paginationOf } from './viewModels.js';

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
const href = (n: number) => `/p${n}`;

describe('paginationOf', () => {
  it('has no pagination for one page', () => {
    expect(paginationOf(1, 1, href)).toBeUndefined();
  });

  it('shows the first, last, current and neighbouring pages with ellipses between', () => {
    const p = paginationOf(5, 10, href);
    expect(p?.items).toEqual([
      { number: '1', href: '/p1', current: false },
      { ellipsis: true },
      { number: '4', href: '/p4', current: false },
      { number: '5', href: '/p5', current: true },
      { number: '6', href: '/p6', current: false },
      { ellipsis: true },
      { number: '10', href: '/p10', current: false },
    ]);
    expect([p?.previous, p?.next]).toEqual([{ href: '/p4' }, { href: '/p6' }]);
    expect(paginationOf(1, 2, href)).toMatchObject({ previous: undefined, next: { href: '/p2' } });
  });
});

describe('auditQueryString', () => {
  it('keeps the filters given and the page after the first', () => {
    expect(auditQueryString(blank)).toBe('');
    expect(auditQueryString({ ...blank, person: ' jane ', 'from-year': '2026' }, 3)).toBe('?person=jane&from-year=2026&page=3');
  });
});

describe('auditPage', () => {
  it('says which entries are shown, links the pages and downloads with the same filters, and keeps a newer action chosen', () => {
    const page = auditPage({
      query: { ...blank, action: 'something.newer' },
      entries: [{ id: 'e', at: '2026-02-05T10:30:00.000Z', who: 'Jane', what: 'Signed in', record: 'User Jane', partnership: 'P', action: 'x' }],
      total: 120,
      page: 3,
      pageSize: 50,
      consultations: [{ id: 'c1', title: 'Crime Survey' }],
      users: new Map(),
      showPartnership: false,
    });
    expect(page.summary).toBe('Showing 101 to 101 of 120 entries matching the filters, newest first.');
    expect(page.rows).toEqual([[{ text: '5 Feb 2026, 10:30' }, { text: 'Jane' }, { text: 'Signed in' }, { text: 'User Jane' }]]);
    expect(page.downloads).toEqual({
      csv: '/staff/audit/export.csv?action=something.newer',
      xlsx: '/staff/audit/export.xlsx?action=something.newer',
    });
    expect(page.pagination?.previous).toEqual({ href: '/staff/audit?action=something.newer&page=2' });
    expect(page.actionItems.filter((i) => i.selected)).toEqual([{ value: 'something.newer', text: 'something.newer', selected: true }]);
    expect(page.subjectItems.map((i) => i.text)).toEqual([
      'Any record',
      'Any user',
      'The partnership',
      'Any consultation',
      'Consultation: Crime Survey',
    ]);
  });
});
