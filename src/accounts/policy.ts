import { forbidden, unauthenticated } from '../app/errors.js';
import type { Role } from './roles.js';

/** Everything a staff user can do, named once; every staff route asks `authorize` before acting. */
export type Action =
  | 'staff:home'
  | 'partnership:view'
  | 'partnership:create'
  | 'user:manage'
  | 'audit:view';

const GRANTS: Record<Role, readonly Action[]> = {
  admin: ['staff:home', 'partnership:view', 'partnership:create', 'user:manage', 'audit:view'],
  analyst: ['staff:home', 'partnership:view'],
  partner: ['staff:home', 'partnership:view'],
  member: ['staff:home', 'partnership:view'],
  viewer: ['staff:home', 'partnership:view'],
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
