import { forbidden, unauthenticated } from '../platform/errors.js';
import type { Role } from './roles.js';

/** Everything a staff user can do, named once; every staff route asks `authorize` before acting. */
export type Action =
  | 'staff:home'
  | 'partnership:view'
  | 'partnership:create'
  | 'user:manage'
  | 'audit:view'
  | 'consultation:view'
  | 'consultation:manage'
  | 'responses:enter'
  | 'responses:read'
  | 'survey:answer-members';

const STAFF: readonly Action[] = ['staff:home', 'partnership:view', 'consultation:view'];
const OFFICER: readonly Action[] = [...STAFF, 'consultation:manage', 'responses:enter', 'responses:read'];

const GRANTS: Record<Role, readonly Action[]> = {
  admin: [...OFFICER, 'partnership:create', 'user:manage', 'audit:view', 'survey:answer-members'],
  analyst: OFFICER,
  partner: STAFF,
  member: [...STAFF, 'survey:answer-members'],
  viewer: STAFF,
};

export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnershipIds: readonly string[];
}

export function can(user: Principal, action: Action, partnershipId?: string): boolean {
  if (!GRANTS[user.role].includes(action)) return false;
  return partnershipId === undefined || user.partnershipIds.includes(partnershipId);
}

/** Throws the typed error the error handler turns into a sign-in redirect, a 403 page or JSON. */
export function authorize(user: Principal | undefined, action: Action, partnershipId?: string): Principal {
  if (!user) throw unauthenticated();
  if (!can(user, action, partnershipId)) throw forbidden();
  return user;
}
