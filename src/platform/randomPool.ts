import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 8192;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * Cryptographically random bytes taken from a pool refilled 8 KB at a time: one system call serves hundreds of
 * nonces and references, where crypto.randomBytes(16) per request made one each (a tenth of a submission's cost).
 * The returned buffer is a copy, so no two callers ever share bytes.
 */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_SIZE) throw new RangeError(`at most ${POOL_SIZE} bytes`);
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return out;
}
