import type { Services } from '../../app/services.js';

/** Single sign-on's settings as the configuration holds them (app/oidcSettings.ts: OIDC_*). */
export type OidcSettings = NonNullable<Services['config']['oidc']>;
