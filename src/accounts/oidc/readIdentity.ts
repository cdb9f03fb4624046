// The verified ID token's claims to who signed in: their email address, name and SaferPlan role.
import type { Role } from '../roles.js';
import { oidcClaimsSchema } from '../schema.js';
import { mappedRole } from './oidcRoles.js';
import type { OidcIdentity } from './signInWithOidc.js';

/** The identity, or undefined when the token holds no email address. */
export function readIdentity(claims: Record<string, unknown>, roleClaim: string, roleMap: ReadonlyMap<string, Role>): OidcIdentity | undefined {
  const parsed = oidcClaimsSchema.parse(claims);
  const email = parsed.email ?? parsed.preferred_username;
  if (!email) return undefined;
  return { email, name: parsed.name ?? '', role: mappedRole(claims[roleClaim], roleMap) };
}
