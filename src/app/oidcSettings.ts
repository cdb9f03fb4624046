// The single sign-on settings (OIDC_*): all or nothing for the provider, the claim roles are read from, and the map
// from the provider's role names to SaferPlan's roles. The roles named are checked against SaferPlan's when the
// sign-in routes are registered (accounts/oidc/oidcRoles.ts), so loading the configuration loads no capability.

export interface OidcSettings {
  /** The identity provider's issuer (its discovery document is at /.well-known/openid-configuration under it). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim holding the user's roles at the provider (a string or a list). */
  roleClaim: string;
  /** The provider's role name -> SaferPlan's role (a role name, checked by accounts/oidc/oidcRoles.ts). */
  roleMap: ReadonlyMap<string, string>;
  /** The partnership (slug or id) that a user signing in for the first time joins; unset, only existing users sign in. */
  partnership: string | undefined;
}

interface OidcEnv {
  NODE_ENV: string;
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_CLIENT_SECRET?: string | undefined;
  OIDC_ROLE_CLAIM: string;
  OIDC_ROLE_MAP?: string | undefined;
  OIDC_PARTNERSHIP?: string | undefined;
}

type Parsed = { ok: true; value: OidcSettings | undefined } | { ok: false; problems: string[] };

/** "SaferPlan.Admin=admin,SaferPlan.Analyst=analyst": each provider role to one of SaferPlan's. */
export function parseRoleMap(text: string): { map: Map<string, string>; problems: string[] } {
  const map = new Map<string, string>();
  const problems: string[] = [];
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    const name = pair.slice(0, eq).trim();
    const role = pair.slice(eq + 1).trim();
    if (eq <= 0 || !name || !role) problems.push(`OIDC_ROLE_MAP: "${pair}" is not provider-role=saferplan-role`);
    else map.set(name, role);
  }
  return { map, problems };
}

export function parseOidcSettings(e: OidcEnv): Parsed {
  const given = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
  const missing = Object.entries(given)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  const others = e.OIDC_ROLE_MAP || e.OIDC_PARTNERSHIP;
  if (missing.length === 3 && !others) return { ok: true, value: undefined };
  if (missing.length) {
    return {
      ok: false,
      problems: missing.map((name) => `${name}: required for single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together)`),
    };
  }
  const problems: string[] = [];
  const issuer = new URL(e.OIDC_ISSUER as string);
  if (issuer.protocol !== 'https:' && !(e.NODE_ENV !== 'production' && issuer.protocol === 'http:')) {
    problems.push('OIDC_ISSUER: must be an https:// address (http:// only outside production)');
  }
  const roles = parseRoleMap(e.OIDC_ROLE_MAP ?? '');
  problems.push(...roles.problems);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      issuer: e.OIDC_ISSUER as string,
      clientId: e.OIDC_CLIENT_ID as string,
      clientSecret: e.OIDC_CLIENT_SECRET as string,
      roleClaim: e.OIDC_ROLE_CLAIM,
      roleMap: roles.map,
      partnership: e.OIDC_PARTNERSHIP,
    },
  };
}
