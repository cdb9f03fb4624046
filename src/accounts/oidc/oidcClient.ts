// The OpenID Connect client (openid-client): the provider's metadata, discovered once and kept, the authorization
// request (authorization code flow with PKCE, state and nonce) and the callback's checks (state, code exchange, the
// ID token's signature, issuer, audience, expiry and nonce), which openid-client does.
import * as client from 'openid-client';
import type { OidcSettings } from './oidcSettings.js';

/** What the browser's session keeps between starting and the callback: the checks the callback must pass. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const OIDC_SCOPE = 'openid email profile';

export interface OidcClient {
  /** Where to send the browser, and the checks to keep in its session. */
  start(): Promise<{ url: string; checks: OidcChecks }>;
  /** The callback's URL (its query as received) checked and exchanged: the ID token's claims. */
  finish(query: string, checks: OidcChecks): Promise<Record<string, unknown>>;
}

export function oidcClient(settings: OidcSettings, redirectUri: string): OidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    if (!discovered) {
      // http:// is only accepted outside production (app/oidcSettings.ts): a provider run locally for tests.
      const insecure = new URL(settings.issuer).protocol === 'http:';
      discovered = client.discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      // A provider that could not be reached is asked again next time.
      discovered.catch(() => {
        discovered = undefined;
      });
    }
    return discovered;
  };

  return {
    async start() {
      const config = await configuration();
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: OIDC_SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url: url.href, checks };
    },
    async finish(query, checks) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, new URL(`${redirectUri}?${query}`), {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The provider sent no ID token');
      return { ...claims };
    },
  };
}
