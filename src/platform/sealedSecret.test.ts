import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './sealedSecret.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('sealed secrets', () => {
  it('opens with the same secret and purpose, never shows the plain text, and differs each time', () => {
    const a = sealSecret(SECRET, 'smtp-password', 'hunter2-password');
    expect(a).not.toContain('hunter2');
    expect(a.split('.')).toHaveLength(4);
    expect(sealSecret(SECRET, 'smtp-password', 'hunter2-password')).not.toBe(a);
    expect(openSecret(SECRET, 'smtp-password', a)).toBe('hunter2-password');
  });

  it('does not open under another secret or purpose, or when tampered with', () => {
    const a = sealSecret(SECRET, 'llm-api-key', 'sk-live-abcdef');
    expect(openSecret(`${SECRET}-changed`, 'llm-api-key', a)).toBeUndefined();
    expect(openSecret(SECRET, 'smtp-password', a)).toBeUndefined();
    expect(openSecret(SECRET, 'llm-api-key', `${a.slice(0, -2)}AA`)).toBeUndefined();
    expect(openSecret(SECRET, 'llm-api-key', 'plain')).toBeUndefined();
  });
});
