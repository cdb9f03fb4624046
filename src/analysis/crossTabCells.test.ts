import { describe, expect, it } from 'vitest';
import { crossTabCells, type Grouping, listCrossTabCells } from './crossTabCells.js';

/** A deterministic pseudo-random sequence (no Math.random in tests). */
function sequence(seed: number) {
  let s = seed;
  return (below: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % below;
  };
}

/** Counting one respondent at a time, the plain way, for comparison. */
function naive(members: Int32Array, answers: Int32Array, levels: number, grouping: Grouping, levelOf = [0, 1, 2, 3]): number[] {
  const out = new Array(levels * grouping.size).fill(0);
  for (const i of members) {
    const r = (answers[i] as number) >= 0 ? (levelOf[answers[i] as number] as number) : -1;
    const g = grouping.codes[i] as number;
    if (r >= 0 && g >= 0) out[r * grouping.size + g]++;
  }
  return out;
}

function data(n: number, sizes: number[]) {
  const next = sequence(7);
  const groupings = sizes.map((size) => ({ size, codes: Int32Array.from({ length: n }, () => next(size + 1) - 1) }));
  const answers = Int32Array.from({ length: n }, () => next(5) - 1);
  const members = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
  return { groupings, answers, members };
}

describe('crossTabCells', () => {
  it('gives the plain counts through profiles (few profiles for many respondents)', () => {
    const { groupings, answers, members } = data(6000, [3, 2, 4]);
    for (let which = 0; which < groupings.length; which++)
      expect([...crossTabCells(members, answers, new Int32Array([0, 1, 2, 3]), 4, groupings, which)]).toEqual(
        naive(members, answers, 4, groupings[which]!),
      );
  });

  it('puts each option in its row, leaving out those without one (non-substantive answers)', () => {
    const { groupings, answers, members } = data(6000, [3, 2, 4]);
    const levelOf = [1, -1, 0, 2];
    expect([...crossTabCells(members, answers, Int32Array.from(levelOf), 3, groupings, 2)]).toEqual(
      naive(members, answers, 3, groupings[2]!, levelOf),
    );
  });

  it('gives the plain counts counting by group (nearly one profile per respondent)', () => {
    const { groupings, answers, members } = data(600, [50, 40]);
    for (let which = 0; which < groupings.length; which++)
      expect([...crossTabCells(members, answers, new Int32Array([0, 1, 2, 3]), 4, groupings, which)]).toEqual(
        naive(members, answers, 4, groupings[which]!),
      );
  });

  it('counts multiple choice answers by option, non-substantive ones left out, and who chose any substantive option', () => {
    // Respondents 0..3 chose [0, 2], [2], [1 (non-substantive)], []; groups 0, 1, 0, 1.
    const list = { starts: new Int32Array([0, 2, 3, 4, 4]), items: new Int32Array([0, 2, 2, 1]) };
    const groupings = [{ size: 2, codes: new Int32Array([0, 1, 0, 1]) }];
    const cells = listCrossTabCells(new Int32Array([0, 1, 2, 3]), list, new Uint8Array([1, 0, 1]), groupings, 0);
    expect([...cells]).toEqual([1, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('gives the same multiple choice counts through profiles as respondent by respondent', () => {
    const { groupings, members } = data(6000, [3, 2, 4]);
    const next = sequence(11);
    const chosen = Array.from({ length: 6000 }, () => [0, 1, 2, 3].filter(() => next(2) === 1));
    const starts = Int32Array.from({ length: 6001 }, (_, i) => chosen.slice(0, i).reduce((n, c) => n + c.length, 0));
    const list = { starts, items: Int32Array.from(chosen.flat()) };
    const substantive = new Uint8Array([1, 1, 0, 1]);
    for (let which = 0; which < groupings.length; which++) {
      const { codes, size } = groupings[which]!;
      const expected = new Array(5 * size).fill(0);
      for (const i of members) {
        const g = codes[i] as number;
        const picked = chosen[i]!.filter((k) => substantive[k]);
        if (g < 0) continue;
        for (const k of picked) expected[k * size + g]++;
        if (picked.length > 0) expected[4 * size + g]++;
      }
      expect([...listCrossTabCells(members, list, substantive, groupings, which)]).toEqual(expected);
    }
  });
});
