import { describe, expect, it } from 'vitest';
import { freshnessText } from './freshnessText.js';

const at = '2026-12-01T10:00:00.000Z';
describe('freshnessText', () => {
  it('says nothing of the primary and how far behind a replica was', () => {
    expect(freshnessText({ source: 'primary', lagSeconds: 0, readAt: at })).toBeUndefined();
    expect(freshnessText({ source: 'replica', lagSeconds: 0, readAt: at })).toBe(
      'These figures were read from a copy of the database that was up to date.',
    );
    expect(freshnessText({ source: 'replica', lagSeconds: 1, readAt: at })).toBe(
      'These figures were read from a copy of the database that was 1 second behind: the newest responses may not be counted yet.',
    );
    expect(freshnessText({ source: 'replica', lagSeconds: 12, readAt: at })).toContain('12 seconds behind');
    expect(freshnessText({ source: 'replica', lagSeconds: null, readAt: at })).toContain('may not be counted yet');
  });
});
