// The provider's roles to SaferPlan's: OIDC_ROLE_MAP names each provider role's SaferPlan role, and a user holding
// several mapped roles gets the most privileged of them. No mapped role, no sign-in.

import { isRole, ROLES, type Role } from '../roles.js';
import type { OidcSettings } from './oidcSettings.js';

/** The map checked against SaferPlan's roles; a name that is none of them stops the start, naming it. */
export function checkedRoleMap(settings: Pick<OidcSettings, 'roleMap'>): ReadonlyMap<string, Role> {
  const map = new Map<string, Role>();
  for (const [name, role] of settings.roleMap) {
    if (!isRole(role)) throw new Error(`Invalid configuration:\n  OIDC_ROLE_MAP: "${role}" (for ${name}) must be one of: ${ROLES.join(', ')}`);
    map.set(name, role);
  }
  return map;
}

/** The claim's values: one text, or a list of texts; anything else holds none. */
function claimValues(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The most privileged SaferPlan role among the provider's roles in the claim, or undefined when none is mapped. */
export function mappedRole(claim: unknown, roleMap: ReadonlyMap<string, Role>): Role | undefined {
  const held = new Set(claimValues(claim).flatMap((name) => roleMap.get(name) ?? []));
  return ROLES.find((role) => held.has(role));
}
