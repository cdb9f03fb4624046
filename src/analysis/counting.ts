/** Counting respondents by their codes, the innermost loop of every table. Pure. */

/**
 * The counting loop alone, with four tallies kept interleaved so that consecutive respondents with the same
 * answer do not wait on each other's increment. Nothing follows the main loop: V8 optimises it while it runs, and
 * code after it that had not run yet would throw that optimised code away again on every call.
 */
function tally(tallies: Int32Array, cells: number, members: Int32Array, codes: Int32Array, width: number, second: Int32Array, shift: number): void {
  // The odd members first, so that nothing after the main loop is new to the optimised code.
  const odd = members.length % 4;
  for (let m = 0; m < odd; m++) {
    const i = members[m] as number;
    const a = ((codes[i] as number) + 2) * width + (second[i] as number) + shift;
    tallies[a] = (tallies[a] as number) + 1;
  }
  for (let m = odd; m < members.length; m += 4) {
    const i0 = members[m] as number;
    const i1 = members[m + 1] as number;
    const i2 = members[m + 2] as number;
    const i3 = members[m + 3] as number;
    const a = ((codes[i0] as number) + 2) * width + (second[i0] as number) + shift;
    const b = cells + ((codes[i1] as number) + 2) * width + (second[i1] as number) + shift;
    const c = 2 * cells + ((codes[i2] as number) + 2) * width + (second[i2] as number) + shift;
    const d = 3 * cells + ((codes[i3] as number) + 2) * width + (second[i3] as number) + shift;
    tallies[a] = (tallies[a] as number) + 1;
    tallies[b] = (tallies[b] as number) + 1;
    tallies[c] = (tallies[c] as number) + 1;
    tallies[d] = (tallies[d] as number) + 1;
  }
}

/** A one-way count reads a second code of 0 (shifted by 0) from here, so one loop serves both. */
let zeros = new Int32Array(0);
function zerosFor(n: number): Int32Array {
  if (zeros.length < n) zeros = new Int32Array(n);
  return zeros;
}

/** The tallies, reused from call to call (counting is synchronous): a profile table is hundreds of kilobytes. */
let scratch = new Int32Array(0);
function scratchFor(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, 2 * scratch.length));
  const tallies = scratch.subarray(0, n);
  tallies.fill(0);
  return tallies;
}

/**
 * How many of `members` have each code, at [code + 2] (codes run from UNEXPECTED -2 and BLANK -1 to size - 1);
 * with `by`, each pair of codes, at [(code + 2) * (by.size + 2) + by code + 2].
 */
export function countCodes(members: Int32Array, codes: Int32Array, size: number, by?: { codes: Int32Array; size: number }): Float64Array {
  const width = by ? by.size + 2 : 1;
  const cells = (size + 2) * width;
  const tallies = scratchFor(4 * cells);
  tally(tallies, cells, members, codes, width, by?.codes ?? zerosFor(codes.length), by ? 2 : 0);
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
