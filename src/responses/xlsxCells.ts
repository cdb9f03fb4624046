/** Pure pieces of reading a worksheet: where a cell is and what text it holds. */

/** A shared string that must not be imported: refused, naming the cell, only if a cell uses it. */
export type SharedProblem = { problem: 'too_long' | 'not_utf8' };
export type SharedString = string | SharedProblem;

export const TOO_LONG: SharedProblem = { problem: 'too_long' };
export const NOT_UTF8: SharedProblem = { problem: 'not_utf8' };

/** The zero-based column of a cell reference such as "AB12" (AB is column 27, so 27). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** The letters of a zero-based column: 0 is A, 27 is AB. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A cell's text from its type attribute and the text of its <v> (or inline <is>): numbers as JavaScript writes
 * them, booleans as true/false, ISO dates as their day. A shared string index is resolved by the caller.
 */
export function cellText(type: string | undefined, raw: string): string {
  switch (type) {
    case 'b':
      return raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
    case 'd': {
      const t = Date.parse(raw);
      return Number.isNaN(t) ? raw : new Date(t).toISOString().slice(0, 10);
    }
    case undefined:
    case 'n': {
      const n = Number(raw);
      return raw.trim() === '' || Number.isNaN(n) ? raw : String(n);
    }
    default:
      return raw;
  }
}
