import { describe, expect, it } from 'vitest';
import { canSeeResults, deriveStatus } from './status.js';

const opens = '2024-07-09T23:00:00.000Z';
const closes = '2024-10-02T22:59:59.000Z';
const at = (iso: string) => new Date(iso);

describe('deriveStatus', () => {
  it('follows the clock once staff have made it ready', () => {
    expect(deriveStatus('ready', opens, closes, at('2024-07-01T00:00:00Z'))).toBe('scheduled');
    expect(deriveStatus('ready', opens, closes, at('2024-07-09T23:00:00Z'))).toBe('open');
    expect(deriveStatus('ready', opens, closes, at('2024-10-02T22:59:59Z'))).toBe('closed');
  });

  it('stays draft until staff act, and shows analysed and published only after closing', () => {
    expect(deriveStatus('draft', opens, closes, at('2024-08-01T00:00:00Z'))).toBe('draft');
    expect(deriveStatus('analysed', opens, closes, at('2024-08-01T00:00:00Z'))).toBe('open');
    expect(deriveStatus('analysed', opens, closes, at('2024-11-01T00:00:00Z'))).toBe('analysed');
    expect(deriveStatus('published', opens, closes, at('2024-11-01T00:00:00Z'))).toBe('published');
  });
});

describe('canSeeResults', () => {
  it('shows admins and analysts results at any time', () => {
    expect(canSeeResults('admin', 'open', 'after_publish')).toBe(true);
    expect(canSeeResults('analyst', 'open', 'after_publish')).toBe(true);
  });

  it('hides results from others until close, or until publication when so configured', () => {
    expect(canSeeResults('partner', 'open', 'after_close')).toBe(false);
    expect(canSeeResults('partner', 'closed', 'after_close')).toBe(true);
    expect(canSeeResults('partner', 'closed', 'after_publish')).toBe(false);
    expect(canSeeResults(undefined, 'closed', 'after_close')).toBe(false);
    expect(canSeeResults(undefined, 'published', 'after_publish')).toBe(true);
  });
});
