/**
 * TOTP (RFC 6238) as authenticator apps use it: SHA-1, 6 digits, 30-second steps, a secret of 20 random bytes in
 * Base32, through otplib. A code is accepted one step either side of now (clocks drift) and only in a step later than
 * the last one accepted, so a code seen over someone's shoulder cannot be used again.
 */
import { generateSecret, generateURI, verify } from 'otplib';

const STEP_SECONDS = 30;
const ISSUER = 'SaferPlan';

export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// address an authenticator app reads from the QR code: the issuer and the user's email name the entry. */
export const totpUri = (email: string, secret: string): string => generateURI({ issuer: ISSUER, label: email, secret });

/** A code as typed, spaces removed: 6 digits, or undefined. */
export function typedTotpCode(typed: string): string | undefined {
  const code = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

/**
 * The time step the code belongs to when it is right for the secret now (a step either side allowed) and later than
 * `afterTimeStep`; otherwise undefined.
 */
export async function acceptedTimeStep(secret: string, typed: string, afterTimeStep?: number): Promise<number | undefined> {
  const token = typedTotpCode(typed);
  if (!token) return undefined;
  const result = await verify({ secret, token, epochTolerance: STEP_SECONDS, afterTimeStep });
  // otplib's result type covers HOTP too; a TOTP result carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** Why a code was not accepted, for the GOV.UK error message. */
export function codeProblem(typed: string): string {
  if (!typed.trim()) return 'Enter the 6-digit code from your authenticator app';
  if (!typedTotpCode(typed)) return 'The code must be 6 digits, like 123456';
  return 'Enter the code your authenticator app shows now: that code is wrong or was already used';
}
