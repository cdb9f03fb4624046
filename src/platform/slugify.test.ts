import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.js';

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify("St Michael's")).toBe('st-michael-s');
    expect(slugify('  Coventry CSP (2025) ')).toBe('coventry-csp-2025');
    expect(slugify('Ystradgynlais Café')).toBe('ystradgynlais-cafe');
    expect(slugify('!!!')).toBe('partnership');
  });
});
