import { openSecret, sealSecret } from '../../platform/sealedSecret.js';
import { newTotpSecret } from './totp.js';

/**
 * The secret being set up, kept sealed in the session between showing the QR code and the code that confirms it, so
 * reloading the page shows the same one: the sealed one given if it still opens, otherwise a new one.
 */
export function setUpSecret(sessionSecret: string, sealed: string | undefined): { secret: string; sealed: string } {
  const secret = sealed ? openSecret(sessionSecret, 'totp-secret', sealed) : undefined;
  if (sealed && secret) return { secret, sealed };
  const fresh = newTotpSecret();
  return { secret: fresh, sealed: sealSecret(sessionSecret, 'totp-secret', fresh) };
}
