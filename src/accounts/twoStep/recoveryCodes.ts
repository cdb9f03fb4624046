/**
 * Recovery codes: 10 single-use codes given once at set-up, for when the authenticator app is lost. Each is 12
 * characters from 31 unambiguous ones (about 59 bits), so a plain SHA-256 is enough to store it: the stored hashes
 * cannot be turned back into codes, and nothing slower is needed against guessing at the rate limits.
 */
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** One code as shown: "k7fq-2mxa-9wcd". */
function newRecoveryCode(): string {
  const group = () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return Array.from({ length: GROUPS }, group).join('-');
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/** A code as typed, in any case, with or without its hyphens and spaces, to the form that is hashed. */
export const normaliseRecoveryCode = (typed: string): string => typed.toLowerCase().replace(/[\s-]/g, '');

export const hashRecoveryCode = (typed: string): string => createHash('sha256').update(normaliseRecoveryCode(typed)).digest('hex');
