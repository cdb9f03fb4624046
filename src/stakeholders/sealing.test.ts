import { describe, expect, it } from 'vitest';
import { seal, unseal } from './sealing.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('sealing the SMTP password', () => {
  it('opens with the same secret, never shows the password, and differs each time', () => {
    const a = seal(SECRET, 'hunter2-password');
    expect(a).not.toContain('hunter2');
    expect(seal(SECRET, 'hunter2-password')).not.toBe(a);
    expect(unseal(SECRET, a)).toBe('hunter2-password');
  });

  it('does not open under another secret, or when tampered with', () => {
    const a = seal(SECRET, 'hunter2-password');
    expect(unseal(`${SECRET}-changed`, a)).toBeUndefined();
    expect(unseal(SECRET, `${a.slice(0, -2)}AA`)).toBeUndefined();
    expect(unseal(SECRET, 'plain')).toBeUndefined();
  });
});
