import { describe, expect, it } from 'vitest';
import { normaliseReference } from './reference.js';
import { retentionDueAt } from './retention.js';
import { suppressSmallCells } from './suppressSmallCells.js';

describe('suppressSmallCells', () => {
  it('blanks the key cells of a group smaller than the minimum, and nothing else, when the blank pool reaches the minimum', () => {
    const rows = [
      [1, 'north', 'yes'],
      [2, 'north', 'no'],
      [3, 'north', 'yes'],
      [4, 'south', 'no'],
      [5, '', 'yes'],
      [6, '', 'no'],
    ];
    expect(suppressSmallCells(rows, [1], 3)).toEqual({
      rows: [
        [1, 'north', 'yes'],
        [2, 'north', 'no'],
        [3, 'north', 'yes'],
        [4, '', 'no'],
        [5, '', 'yes'],
        [6, '', 'no'],
      ],
      blanked: [3],
    });
  });

  it('blanks the next smallest group (ties by value) when the blanked rows alone are fewer than the minimum', () => {
    const rows = [
      [1, 'b'],
      [2, 'a'],
      [3, 'c'],
      [4, 'b'],
      [5, 'a'],
      [6, 'c'],
      [7, 'c'],
      [8, 'd'],
    ];
    // d (1 row) is small; 1 < 2, so a (2 rows, the smallest left, before b by value) goes too: 3 blanked.
    expect(suppressSmallCells(rows, [1], 2).blanked).toEqual([1, 4, 7]);
    expect(suppressSmallCells(rows, [1], 2).rows.map((r) => r[1])).toEqual(['b', '', 'c', 'b', '', 'c', 'c', '']);
  });

  it('groups by every key column together, and leaves rows as they are with no key columns', () => {
    const rows = [
      ['x', 'p', 1],
      ['x', 'p', 2],
      ['x', 'q', 3],
      ['y', 'q', 4],
    ];
    expect(suppressSmallCells(rows, [0, 1], 2).rows).toEqual([
      ['x', 'p', 1],
      ['x', 'p', 2],
      ['', '', 3],
      ['', '', 4],
    ]);
    expect(suppressSmallCells(rows, [], 2)).toEqual({ rows, blanked: [] });
  });

  it('blanks everything when no group reaches the minimum', () => {
    expect(suppressSmallCells([['a'], ['b']], [0], 3)).toEqual({ rows: [[''], ['']], blanked: [0, 1] });
  });
});

describe('normaliseReference', () => {
  it('accepts a reference as people type it and refuses what cannot be one', () => {
    expect(normaliseReference('k7m2 9qxa 3f')).toBe('K7M2-9QXA-3F');
    expect(normaliseReference('K7M2-9QXA-3F')).toBe('K7M2-9QXA-3F');
    expect(normaliseReference('K7M2-9QXA-3')).toBeNull();
    expect(normaliseReference('K7M2-9QXA-3U')).toBeNull();
    expect(normaliseReference('A'.repeat(5000))).toBeNull();
    expect(normaliseReference("'; drop table responses; --")).toBeNull();
  });
});

describe('retentionDueAt', () => {
  it('adds calendar months, keeping the time and clamping to the end of a short month', () => {
    expect(retentionDueAt('2024-10-02T23:00:00.000Z', 24)).toBe('2026-10-02T23:00:00.000Z');
    expect(retentionDueAt('2024-01-31T12:00:00.000Z', 1)).toBe('2024-02-29T12:00:00.000Z');
    expect(retentionDueAt('2024-11-30T00:00:00.000Z', 3)).toBe('2025-02-28T00:00:00.000Z');
  });
});
