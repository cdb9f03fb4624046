/** The audit log page's view model: the filter form as filled in, the entries as table rows, pages and download links. Pure. */
import type { FieldError } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import { ACTION_GROUPS, ACTION_NAMES, type DescribedEntry } from './describeEntry.js';
import { SUBJECT_KINDS } from './filters.js';
import type { AuditFilterQuery } from './schema.js';

export interface AuditPageInput {
  query: AuditFilterQuery;
  entries: readonly DescribedEntry[];
  total: number;
  page: number;
  pageSize: number;
  consultations: readonly { id: string; title: string }[];
  /** Users of the reader's partnerships, for the record filter's "User: ..." choice when one was asked for. */
  users: ReadonlyMap<string, { name: string; email: string }>;
  /** More than one partnership: each entry says whose it is. */
  showPartnership: boolean;
  fields?: readonly FieldError[];
}

const FILTER_NAMES = ['person', 'action', 'subject', 'from-day', 'from-month', 'from-year', 'to-day', 'to-month', 'to-year'] as const;

/** The query string of the filters given (blank ones left out), with a page number after the first. */
export function auditQueryString(query: AuditFilterQuery, page = 1): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (query[name].trim()) params.set(name, query[name].trim());
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters given, as the export records them. */
export const givenFilters = (query: AuditFilterQuery): Record<string, string> =>
  Object.fromEntries(FILTER_NAMES.filter((n) => query[n].trim()).map((n) => [n, query[n].trim()]));

/** GOV.UK pagination: previous, next, the first and last pages, the current one and its neighbours, ellipses between. */
export function paginationOf(page: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return undefined;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: ({ number: string; href: string; current: boolean } | { ellipsis: true })[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - (shown[i - 1] ?? n) > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: href(n), current: n === page });
  });
  return {
    items,
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pages ? { href: href(page + 1) } : undefined,
    landmarkLabel: 'Audit log pages',
  };
}

const option = (value: string, text: string, chosen: string) => ({ value, text, selected: value === chosen });

function actionItems(chosen: string) {
  const known = [...Object.entries(ACTION_GROUPS).map(([value, g]) => [value, g.name]), ...Object.entries(ACTION_NAMES)];
  const items = [option('', 'Any action', chosen), ...known.map(([value = '', text = '']) => option(value, text, chosen))];
  // An action asked for by its code that the list does not name (a newer one) stays chosen.
  if (chosen && !known.some(([value]) => value === chosen)) items.push(option(chosen, chosen, chosen));
  return items;
}

function subjectItems(chosen: string, consultations: AuditPageInput['consultations'], users: AuditPageInput['users']) {
  const items = [
    option('', 'Any record', chosen),
    ...Object.entries(SUBJECT_KINDS).map(([value, text]) => option(value, text, chosen)),
    ...consultations.map((c) => option(`consultation:${c.id}`, `Consultation: ${c.title}`, chosen)),
  ];
  const user = chosen.startsWith('user:') ? users.get(chosen.slice(5)) : undefined;
  if (user) items.push(option(chosen, `User: ${user.name ? `${user.name} (${user.email})` : user.email}`, chosen));
  return items;
}

const number = (n: number) => n.toLocaleString('en-GB');

export function auditPage({ query, entries, total, page, pageSize, consultations, users, showPartnership, fields = [] }: AuditPageInput) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const filtered = Object.keys(givenFilters(query)).length > 0;
  const rows: TableRow[] = entries.map((e) => [
    { text: formatLondon(e.at, 'short') },
    { text: e.who },
    { text: e.what },
    { text: e.record },
    ...(showPartnership ? [{ text: e.partnership }] : []),
  ]);
  const exportQuery = auditQueryString(query);
  return {
    title: page > 1 ? `Audit log (page ${page} of ${pages})` : 'Audit log',
    values: { person: query.person, from: dates(query, 'from'), to: dates(query, 'to') },
    actionItems: actionItems(query.action.trim()),
    subjectItems: subjectItems(query.subject.trim(), consultations, users),
    head: [{ text: 'When' }, { text: 'Who' }, { text: 'What' }, { text: 'Record' }, ...(showPartnership ? [{ text: 'Partnership' }] : [])],
    rows,
    filtered,
    summary:
      total === 0
        ? filtered
          ? 'No entries match these filters.'
          : 'There are no entries yet.'
        : `Showing ${number(first)} to ${number(first + entries.length - 1)} of ${number(total)} ${total === 1 ? 'entry' : 'entries'}${filtered ? ' matching the filters' : ''}, newest first.`,
    pagination: paginationOf(page, pages, (n) => `/staff/audit${auditQueryString(query, n)}`),
    downloads: total > 0 ? { csv: `/staff/audit/export.csv${exportQuery}`, xlsx: `/staff/audit/export.xlsx${exportQuery}` } : undefined,
    errors: errorSummaryItems(fields.map((f) => (f.field === 'from' || f.field === 'to' ? { ...f, field: `${f.field}-day` } : f))),
    fieldErrors: messagesByField(fields),
  };
}

const dates = (query: AuditFilterQuery, name: 'from' | 'to') => ({
  day: query[`${name}-day`],
  month: query[`${name}-month`],
  year: query[`${name}-year`],
});
