import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safeRedirect.js';

describe('safeRedirectPath', () => {
  it.each([
    ['/staff', '/staff'],
    ['/staff/users', '/staff/users'],
    ['/staff/consultations/abc?tab=2#x', '/staff/consultations/abc?tab=2#x'],
    ['/p/coventry/survey%20one', '/p/coventry/survey%20one'],
    ['/', '/'],
  ])('keeps the local path %j', (given, expected) => {
    expect(safeRedirectPath(given)).toBe(expected);
  });

  it.each([
    ['/staff\n'],
    ['/staff\r\nSet-Cookie: x=1'],
    ['/staff\t'],
    ['/staff\u007f'],
    ['/staff%0A'],
    ['/staff%0d%0aSet-Cookie:x'],
    ['/staff%7F'],
    ['//evil.example'],
    ['/%2Fevil.example'],
    ['/staff//x'],
    ['/\\evil.example'],
    ['/%5Cevil.example'],
    ['\\\\evil.example'],
    ['https://evil.example/staff'],
    ['javascript:alert(1)'],
    ['staff'],
    [''],
    ['/%E0%A4%A'],
    [`/${'a'.repeat(2000)}`],
  ])('replaces %j with /staff', (given) => {
    expect(safeRedirectPath(given)).toBe('/staff');
  });

  it('replaces anything but text, and uses the fallback given', () => {
    expect(safeRedirectPath(undefined)).toBe('/staff');
    expect(safeRedirectPath(['/staff/users'])).toBe('/staff');
    expect(safeRedirectPath(42)).toBe('/staff');
    expect(safeRedirectPath('//x', '/')).toBe('/');
  });
});
