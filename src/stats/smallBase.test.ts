import { describe, expect, it } from 'vitest';
import { applySmallBaseRules, baseStatus, isWhollySuppressed } from './smallBase.js';

describe('small-base rules', () => {
  it('flags n < 30 and suppresses n < 10 by default', () => {
    expect([0, 9, 10, 29, 30, 652].map((n) => baseStatus(n))).toEqual(['suppressed', 'suppressed', 'small', 'small', 'ok', 'ok']);
  });

  it('takes a configured threshold', () => {
    expect(baseStatus(12, { suppressBelow: 20 })).toBe('suppressed');
    expect(baseStatus(40, { flagBelow: 50 })).toBe('small');
  });

  it('removes the figures of suppressed cells and keeps the others', () => {
    const ruled = applySmallBaseRules([
      { base: 5, value: { percent: 40 } },
      { base: 25, value: { percent: 52 } },
      { base: 300, value: { percent: 61 } },
    ]);
    expect(ruled).toEqual([
      { status: 'suppressed', base: 5, value: null },
      { status: 'small', base: 25, value: { percent: 52 } },
      { status: 'ok', base: 300, value: { percent: 61 } },
    ]);
    expect(isWhollySuppressed(ruled)).toBe(false);
    expect(isWhollySuppressed(applySmallBaseRules([{ base: 3, value: 1 }]))).toBe(true);
  });
});
