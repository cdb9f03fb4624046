import { describe, expect, it } from 'vitest';
import { openApiKey, sealApiKey } from './sealedKey.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('sealApiKey / openApiKey', () => {
  it('opens what it sealed, and never stores the key in clear', () => {
    const sealed = sealApiKey('sk-live-abcdef', SECRET);
    expect(sealed).not.toContain('sk-live');
    expect(sealed.split('.')).toHaveLength(3);
    expect(openApiKey(sealed, SECRET)).toBe('sk-live-abcdef');
  });

  it('seals the same key differently each time (a fresh IV)', () => {
    expect(sealApiKey('k', SECRET)).not.toBe(sealApiKey('k', SECRET));
  });

  it('gives nothing back under another secret, or when the sealed text was altered', () => {
    const sealed = sealApiKey('sk-live-abcdef', SECRET);
    expect(openApiKey(sealed, `${SECRET}-rotated`)).toBeUndefined();
    const [iv, tag, body] = sealed.split('.') as [string, string, string];
    expect(openApiKey(`${iv}.${tag}.${body.slice(0, -2)}AA`, SECRET)).toBeUndefined();
    expect(openApiKey('not sealed', SECRET)).toBeUndefined();
  });
});
