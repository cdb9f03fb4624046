import { describe, expect, it } from 'vitest';
import { baseStatus } from './smallBase.js';

describe('small-base rules', () => {
  it('flags n < 30 and suppresses n < 10 by default', () => {
    expect([0, 9, 10, 29, 30, 652].map((n) => baseStatus(n))).toEqual(['suppressed', 'suppressed', 'small', 'small', 'ok', 'ok']);
  });

  it('takes a configured threshold', () => {
    expect(baseStatus(12, { suppressBelow: 20 })).toBe('suppressed');
    expect(baseStatus(40, { flagBelow: 50 })).toBe('small');
  });
});
