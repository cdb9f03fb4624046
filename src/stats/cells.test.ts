import { describe, expect, it } from 'vitest';
import { buildCells } from './cells.js';

describe('buildCells', () => {
  it('numbers combinations in order of first appearance and skips missing codes', () => {
    const c = buildCells(
      [
        { codes: [0, 1, 0, 1, 0, -1], size: 2 },
        { codes: [2, 2, 2, 0, 0, 1], size: 3 },
      ],
      6,
    );
    expect(Array.from(c.cellOf)).toEqual([0, 1, 0, 2, 3, -1]);
    expect(c.nCells).toBe(4);
    expect(c.codes.map((x) => Array.from(x))).toEqual([
      [0, 1, 1, 0],
      [2, 2, 0, 0],
    ]);
    expect(Array.from(c.count)).toEqual([2, 1, 1, 1]);
  });

  it('gives the same cells through the map path for large code ranges', () => {
    const a = [4999, 3, 4999, 3];
    const b = [4998, 7, 4998, 8];
    const c = buildCells(
      [
        { codes: a, size: 5000 },
        { codes: b, size: 5000 },
      ],
      4,
    );
    expect(Array.from(c.cellOf)).toEqual([0, 1, 0, 2]);
    expect(c.codes.map((x) => Array.from(x))).toEqual([
      [4999, 3, 3],
      [4998, 7, 8],
    ]);
  });

  it('puts everyone in one cell when there are no variables', () => {
    const c = buildCells([], 3);
    expect(c.nCells).toBe(1);
    expect(Array.from(c.count)).toEqual([3]);
  });
});
