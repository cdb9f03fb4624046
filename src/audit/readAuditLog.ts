/** The audit log as a reader sees it: within their partnerships, filtered, each entry described with names. */
import type { Kysely } from 'kysely';
import { listUsers } from '../accounts/index.js';
import { listConsultations } from '../consultations/index.js';
import type { Database } from '../db/schema.js';
import { listPartnerships } from '../partnerships/index.js';
import { type AuditNames, type DescribedEntry, describeEntry } from './describeEntry.js';
import type { ReadFilter } from './filters.js';
import { type AuditFilter, auditEntries, eachAuditEntry } from './queries/auditEntries.js';

/** The partnerships whose entries may be read: an administrator's own, or every one (the command line). */
export type AuditScope = readonly string[] | 'all';

export interface AuditContext {
  names: AuditNames;
  /** The consultations of the scope, by title, for the record filter. */
  consultations: { id: string; title: string }[];
  filter: AuditFilter;
}

/** The names the scope's entries refer to, and the filter with the people whose name or email matches. */
export async function auditContext(db: Kysely<Database>, scope: AuditScope, read: ReadFilter['filter']): Promise<AuditContext> {
  const ids = scope === 'all' ? undefined : scope;
  const [users, partnerships] = await Promise.all([listUsers(db, ids), listPartnerships(db, ids)]);
  const consultations = (await Promise.all(partnerships.map((p) => listConsultations(db, p.id)))).flat();
  const names: AuditNames = {
    users: new Map(users.map((u) => [u.id, { name: u.name, email: u.email }])),
    consultations: new Map(consultations.map((c) => [c.id, c.title])),
    partnerships: new Map(partnerships.map((p) => [p.id, p.name])),
  };
  const { person, ...rest } = read;
  const filter: AuditFilter = { ...rest, partnerships: scope };
  if (person) {
    const lower = person.toLowerCase();
    const actorIds = users.filter((u) => `${u.name}\n${u.email}`.toLowerCase().includes(lower)).map((u) => u.id);
    filter.person = { text: person, actorIds };
  }
  return { names, consultations: consultations.map((c) => ({ id: c.id, title: c.title })), filter };
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the log (1-based), described, with the number of entries matching. */
export async function readAuditLog(db: Kysely<Database>, context: AuditContext, page: number) {
  const { entries, total } = await auditEntries(db, context.filter, { offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
  return { entries: entries.map((e) => describeEntry(e, context.names)), total };
}

/** Every matching entry, described, newest first. */
export async function* eachDescribedEntry(db: Kysely<Database>, context: AuditContext): AsyncGenerator<DescribedEntry> {
  for await (const entry of eachAuditEntry(db, context.filter)) yield describeEntry(entry, context.names);
}
