import { describe, expect, it } from 'vitest';
import { appliedSuppression } from './suppression.js';

describe('appliedSuppression', () => {
  it('gives the partnership minimum when nothing is asked', () => {
    expect(appliedSuppression({ requested: undefined, minimum: 10, mayLower: false })).toBe(10);
    expect(appliedSuppression({ requested: undefined, minimum: 7, mayLower: true })).toBe(7);
  });

  it('lets anyone ask for a higher threshold', () => {
    expect(appliedSuppression({ requested: 20, minimum: 10, mayLower: false })).toBe(20);
    expect(appliedSuppression({ requested: 20, minimum: 10, mayLower: true })).toBe(20);
  });

  it('never goes below the minimum for those who may not lower it', () => {
    expect(appliedSuppression({ requested: 0, minimum: 10, mayLower: false })).toBe(10);
    expect(appliedSuppression({ requested: 5, minimum: 10, mayLower: false })).toBe(10);
  });

  it('lets an admin lower it, never below the floor of 3', () => {
    expect(appliedSuppression({ requested: 5, minimum: 10, mayLower: true })).toBe(5);
    expect(appliedSuppression({ requested: 3, minimum: 10, mayLower: true })).toBe(3);
    expect(appliedSuppression({ requested: 0, minimum: 10, mayLower: true })).toBe(3);
  });
});
