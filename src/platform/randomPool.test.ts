import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './randomPool.js';

describe('pooledRandomBytes', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(5000);
  });

  it('returns copies that later calls do not change', () => {
    const a = pooledRandomBytes(10);
    const copy = Buffer.from(a);
    for (let i = 0; i < 2000; i++) pooledRandomBytes(10);
    expect(a.equals(copy)).toBe(true);
    expect(() => pooledRandomBytes(9000)).toThrow(RangeError);
  });
});
