import { describe, expect, it } from 'vitest';
import { partialPathFor } from './writeAtomically.js';

describe('partialPathFor', () => {
  it('is a hidden name in the same directory', () => {
    expect(partialPathFor('/var/backups/saferplan.sqlite', 'a1b2')).toBe('/var/backups/.saferplan.sqlite.partial-a1b2');
    expect(partialPathFor('out.dump', 'a1b2')).toBe('.out.dump.partial-a1b2');
  });
});
