import { describe, expect, it } from 'vitest';
import { deriveStatus } from './status.js';

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
