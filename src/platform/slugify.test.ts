import { describe, expect, it } from 'vitest';
import { firstFreeSlug, slugify } from './slugify.js';

describe('slugify', () => {
  it('makes URL-safe slugs', () => {
    expect(slugify("St Michael's")).toBe('st-michael-s');
    expect(slugify('  Coventry CSP (2025) ')).toBe('coventry-csp-2025');
    expect(slugify('Ystradgynlais Café')).toBe('ystradgynlais-cafe');
    expect(slugify('!!!')).toBe('partnership');
  });
});

describe('firstFreeSlug', () => {
  it('numbers a taken slug from 2, skipping numbers also taken', () => {
    expect(firstFreeSlug('crime-survey', new Set())).toBe('crime-survey');
    expect(firstFreeSlug('crime-survey', new Set(['crime-survey']))).toBe('crime-survey-2');
    expect(firstFreeSlug('crime-survey', new Set(['crime-survey', 'crime-survey-2', 'crime-survey-3']))).toBe('crime-survey-4');
  });
});
