/** The audit log's filter form read into a filter, with a GOV.UK message for each problem. Pure. */
import { dateFromParts } from '../platform/dateParts.js';
import type { FieldError } from '../platform/errors.js';
import { londonLocalToUtcIso } from '../platform/londonTime.js';
import { ACTION_GROUPS } from './describeEntry.js';
import type { AuditFilter } from './queries/auditEntries.js';
import type { AuditFilterQuery } from './schema.js';

export const MAX_PERSON_LENGTH = 200;
const ACTION_CODE = /^[a-z][a-z0-9_.-]{0,80}$/;
/** Kinds of record offered alone, and the prefixes of one record's value (`consultation:<id>`, `user:<id>`). */
export const SUBJECT_KINDS: Record<string, string> = { user: 'Any user', partnership: 'The partnership', consultation: 'Any consultation' };
const SUBJECT = /^(user|partnership|consultation)(?::([A-Za-z0-9_-]{1,100}))?$/;

export interface ReadFilter {
  /** The filter without the partnerships (the caller's scope) and without the actors a name matches (looked up later). */
  filter: Omit<AuditFilter, 'partnerships' | 'person'> & { person?: string };
  fields: FieldError[];
}

/** A date from its three boxes: undefined when blank, the ISO instant of the start of that UK day, or a problem. */
function readDate(query: AuditFilterQuery, name: 'from' | 'to', label: string): { iso?: string; error?: FieldError; day?: string } {
  const day = dateFromParts(query[`${name}-day`], query[`${name}-month`], query[`${name}-year`]);
  if (!day) return {};
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(day) ? londonLocalToUtcIso(day) : undefined;
  if (!iso) return { error: { field: name, message: `${label} must be a real date, like 5 2 2026` } };
  return { iso, day };
}

/** The start of the UK day after `day` ("YYYY-MM-DD"). */
function startOfNextDay(day: string): string | undefined {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return londonLocalToUtcIso(next.toISOString().slice(0, 10));
}

export function readAuditFilter(query: AuditFilterQuery): ReadFilter {
  const fields: FieldError[] = [];
  const filter: ReadFilter['filter'] = {};
  const person = query.person.trim();
  if (person.length > MAX_PERSON_LENGTH) fields.push({ field: 'person', message: `Person must be ${MAX_PERSON_LENGTH} characters or fewer` });
  else if (person) filter.person = person;

  const action = query.action.trim();
  if (action && Object.hasOwn(ACTION_GROUPS, action)) filter.actions = ACTION_GROUPS[action]?.actions;
  else if (action && ACTION_CODE.test(action)) filter.actions = [action];
  else if (action) fields.push({ field: 'action', message: 'Choose an action from the list' });

  const subject = SUBJECT.exec(query.subject.trim());
  if (subject?.[1]) filter.subject = { entity: subject[1], ...(subject[2] ? { id: subject[2] } : {}) };
  else if (query.subject.trim()) fields.push({ field: 'subject', message: 'Choose a record from the list' });

  const from = readDate(query, 'from', 'From date');
  const to = readDate(query, 'to', 'To date');
  for (const problem of [from.error, to.error]) if (problem) fields.push(problem);
  if (from.iso) filter.from = from.iso;
  if (to.day) filter.before = startOfNextDay(to.day);
  if (from.day && to.day && to.day < from.day) fields.push({ field: 'to', message: 'To date must be the same as or after the from date' });
  return { filter, fields };
}

/** The page number asked for: a whole number from 1, otherwise the first page. */
export function readPageNumber(text: string): number {
  const n = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 1;
  return Math.max(1, n);
}
