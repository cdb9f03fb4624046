import { pooledRandomBytes } from '../platform/randomPool.js';

// Crockford's base32 without I, L, O, U: easy to read out over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A response reference like "K7M2-9QXA-3F": 10 random characters, about 10^15 possibilities. */
export function newReference(): string {
  const bytes = pooledRandomBytes(10);
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
