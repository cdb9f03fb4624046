/** Counting respondents by their codes, the innermost loop of every table. Pure. */

/**
 * How many of `members` have each code, at [code + 2] (codes run from UNEXPECTED -2 and BLANK -1 to size - 1);
 * with `by`, each pair of codes, at [(code + 2) * (by.size + 2) + by code + 2]. Four tallies are kept interleaved,
 * so that consecutive respondents with the same answer do not wait on each other's increment.
 */
export function countCodes(members: Int32Array, codes: Int32Array, size: number, by?: { codes: Int32Array; size: number }): Float64Array {
  const width = by ? by.size + 2 : 1;
  const cells = (size + 2) * width;
  const tallies = new Int32Array(4 * cells);
  // A second code of 0 - 2 for a one-way count keeps one loop for both.
  const second = by?.codes ?? new Int32Array(0);
  const shift = by ? 2 : 0;
  const whole = members.length - (members.length % 4);
  for (let m = 0; m < whole; m += 4) {
    const i0 = members[m] as number;
    const i1 = members[m + 1] as number;
    const i2 = members[m + 2] as number;
    const i3 = members[m + 3] as number;
    const a = ((codes[i0] as number) + 2) * width + ((second[i0] ?? 0) as number) + shift;
    const b = cells + ((codes[i1] as number) + 2) * width + ((second[i1] ?? 0) as number) + shift;
    const c = 2 * cells + ((codes[i2] as number) + 2) * width + ((second[i2] ?? 0) as number) + shift;
    const d = 3 * cells + ((codes[i3] as number) + 2) * width + ((second[i3] ?? 0) as number) + shift;
    tallies[a] = (tallies[a] as number) + 1;
    tallies[b] = (tallies[b] as number) + 1;
    tallies[c] = (tallies[c] as number) + 1;
    tallies[d] = (tallies[d] as number) + 1;
  }
  for (let m = whole; m < members.length; m++) {
    const i = members[m] as number;
    const a = ((codes[i] as number) + 2) * width + ((second[i] ?? 0) as number) + shift;
    tallies[a] = (tallies[a] as number) + 1;
  }
  const out = new Float64Array(cells);
  for (let k = 0; k < cells; k++)
    out[k] = (tallies[k] as number) + (tallies[cells + k] as number) + (tallies[2 * cells + k] as number) + (tallies[3 * cells + k] as number);
  return out;
}

const oneWay = new WeakMap<Int32Array, WeakMap<Int32Array, Float64Array>>();

/** countCodes of one column, kept per members and codes arrays: a question's results and the indicators count the same columns. */
export function codeCounts(members: Int32Array, codes: Int32Array, size: number): Float64Array {
  let byCodes = oneWay.get(members);
  if (!byCodes) {
    byCodes = new WeakMap();
    oneWay.set(members, byCodes);
  }
  let counts = byCodes.get(codes);
  if (!counts) {
    counts = countCodes(members, codes, size);
    byCodes.set(codes, counts);
  }
  return counts;
}
