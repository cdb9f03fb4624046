/**
 * Compacts combinations of integer category codes into dense cell ids 0..nCells-1, numbered in order
 * of first appearance. Raking, linearisation and Rao-Scott work on these cells (a few hundred for
 * sex x age band x ward) instead of on every respondent.
 */
export interface Cells {
  /** Cell of each respondent, or -1 when any code is missing (negative, NaN or out of range). */
  cellOf: Int32Array;
  nCells: number;
  /** codes[v][c]: the code of variable v in cell c. */
  codes: Int32Array[];
  /** Respondents per cell. */
  count: Float64Array;
}

const LOOKUP_LIMIT = 1 << 22;

export function buildCells(variables: readonly { codes: ArrayLike<number>; size: number }[], n: number): Cells {
  let cellOf = new Int32Array(n);
  let nCells = 1;
  let cellCodes: Int32Array[] = [];
  for (const v of variables) {
    if (v.codes.length !== n) throw new RangeError('every code array must have one entry per respondent');
    const size = v.size;
    const next = new Int32Array(n);
    const range = nCells * size;
    const useLookup = range <= LOOKUP_LIMIT;
    const lookup = useLookup ? new Int32Array(range).fill(-1) : null;
    const map = useLookup ? null : new Map<number, number>();
    let count = 0;
    const parentOf: number[] = [];
    const codeOf: number[] = [];
    for (let i = 0; i < n; i++) {
      const prev = cellOf[i] as number;
      const code = v.codes[i] as number;
      if (prev < 0 || !(code >= 0 && code < size) || !Number.isInteger(code)) {
        next[i] = -1;
        continue;
      }
      const key = prev * size + code;
      let id: number;
      if (lookup) {
        id = lookup[key] as number;
        if (id < 0) {
          id = count++;
          lookup[key] = id;
          parentOf.push(prev);
          codeOf.push(code);
        }
      } else {
        const found = (map as Map<number, number>).get(key);
        if (found === undefined) {
          id = count++;
          (map as Map<number, number>).set(key, id);
          parentOf.push(prev);
          codeOf.push(code);
        } else id = found;
      }
      next[i] = id;
    }
    cellCodes = cellCodes.map((codes) => Int32Array.from(parentOf, (p) => codes[p] as number));
    cellCodes.push(Int32Array.from(codeOf));
    cellOf = next;
    nCells = count;
  }
  const count = new Float64Array(nCells);
  for (let i = 0; i < n; i++) {
    const c = cellOf[i] as number;
    if (c >= 0) count[c] = (count[c] as number) + 1;
  }
  return { cellOf, nCells, codes: cellCodes, count };
}
