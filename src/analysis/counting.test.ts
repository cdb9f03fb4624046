import { describe, expect, it } from 'vitest';
import { countCodes } from './counting.js';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('countCodes', () => {
  const codes = new Int32Array([0, 2, 2, -1, 1, 2, -2, 0, 2]);

  it('counts each code at code + 2, blanks and unexpected answers included', () => {
    expect([...countCodes(all(9), codes, 3)]).toEqual([1, 1, 2, 1, 4]);
  });

  it('counts only the members given', () => {
    expect([...countCodes(new Int32Array([1, 2, 3, 8]), codes, 3)]).toEqual([0, 1, 0, 0, 3]);
  });

  it('counts pairs of codes in a table of (code + 2) rows by (other code + 2) columns', () => {
    const group = new Int32Array([1, 1, 0, 0, -1, 1, 0, 0, 1]);
    const cells = countCodes(all(9), codes, 3, { codes: group, size: 2 });
    const table = Array.from({ length: 5 }, (_, r) => [...cells.subarray(r * 4, r * 4 + 4)]);
    expect(table).toEqual([
      [0, 0, 1, 0], // unexpected: group 0
      [0, 0, 1, 0], // blank: group 0
      [0, 0, 1, 1], // code 0: groups 0 and 1
      [0, 1, 0, 0], // code 1: no group
      [0, 0, 1, 3], // code 2: group 0 once, group 1 three times
    ]);
  });
});
