import { describe, expect, it } from 'vitest';
import { isUnder16 } from './ageBands.js';

describe('isUnder16', () => {
  it.each([
    ['Aged 15 years and under', true],
    ['Aged 4 years and under', true],
    ['Aged 16 to 24 years', false],
    ['Aged 65 years and over', false],
    ['0-15', true],
    ['10 to 15', true],
    ['15-19', false],
    ['under 16', true],
    ['under 18', false],
    ['all', false],
  ])('%j is under 16: %s', (band, expected) => {
    expect(isUnder16(band)).toBe(expected);
  });
});
