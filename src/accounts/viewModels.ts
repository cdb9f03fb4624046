/** The accounts pages' view models: plain data for the GOV.UK macros in accounts/views/. */
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { AuditRow } from './queries/listAuditLog.js';
import type { UserSummary } from './queries/listUsers.js';
import { isRole, ROLE_LABELS, ROLES } from './roles.js';

const formErrors = (fields: readonly FieldError[]) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });

/** The sign-in form; after a failed attempt, the email given and the problems. */
export const signInPage = (next: string, email?: string, fields: readonly FieldError[] = []) => ({
  title: 'Sign in',
  next,
  values: { email },
  ...formErrors(fields),
});

export interface UsersPageInput {
  users: readonly UserSummary[];
  /** The partnerships the administrator belongs to: the users' names for them, and the choice for a new user. */
  partnerships: readonly Partnership[];
  /** What was posted, to fill the form again. */
  values: Readonly<Partial<Record<'email' | 'name' | 'role' | 'partnership', string>>>;
  fields: readonly FieldError[];
}

/** The users of the administrator's partnerships, and the form to add one. */
export function usersPage({ users, partnerships, values, fields }: UsersPageInput) {
  const names = new Map(partnerships.map((p) => [p.id, p.name]));
  const rows: TableRow[] = users.map((u) => [
    { text: u.email },
    { text: u.name },
    { text: isRole(u.role) ? ROLE_LABELS[u.role] : undefined },
    { text: u.partnershipIds.map((id) => names.get(id) ?? id).join(', ') },
  ]);
  return {
    title: 'Users',
    rows,
    roleItems: ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], selected: values.role === r })),
    partnershipItems: partnerships.map((p) => ({ value: p.id, text: p.name, selected: values.partnership === p.id })),
    values: { email: values.email, name: values.name },
    ...formErrors(fields),
  };
}

/** The latest audit entries, newest first. */
export const auditPage = (entries: readonly AuditRow[]) => ({
  title: 'Audit log',
  caption: `Latest ${entries.length} entries`,
  rows: entries.map(
    (e): TableRow => [
      { text: formatLondon(e.at, 'short') },
      { text: e.actor },
      { text: e.action },
      { text: e.entity + (e.entityId ? ` ${e.entityId}` : '') },
      { text: JSON.stringify(e.detail) },
    ],
  ),
});
