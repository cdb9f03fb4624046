/**
 * Cells for the files the product writes (CSV and XLSX), safe to open in a spreadsheet. Text a spreadsheet would
 * read as a formula gets a leading apostrophe, as OWASP's "CSV injection" advice says; characters that hide or
 * reorder what a reader sees (NUL, bidirectional overrides and isolates, direction marks) are removed.
 */
import { stringify } from 'csv-stringify/sync';

/** NUL, LRM/RLM (U+200E-F), the bidi embeddings and overrides (U+202A-E) and isolates (U+2066-9). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters to remove.
const HIDDEN_CHARACTERS = /[\u0000\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What makes Excel, LibreOffice or Google Sheets start a formula (or shift the cell to one): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const withoutHiddenCharacters = (text: string): string => text.replace(HIDDEN_CHARACTERS, '');

/** A cell's value for CSV or XLSX: numbers stay numbers; text is cleaned and, if it would start a formula, prefixed with '. */
export function safeCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = withoutHiddenCharacters(String(value));
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell's value for XLSX: the true text (a string cell is never a formula), less the hidden characters. */
export function xlsxCell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? withoutHiddenCharacters(value) : value;
}

/** One CSV record with its CRLF ending (RFC 4180), written by csv-stringify; a neutralised cell, or one with any line break, is always quoted. */
export const csvLine = (values: readonly unknown[]): string =>
  stringify([values.map(safeCell)], { record_delimiter: 'windows', quoted_match: [/^'/, /[\r\n]/], cast: { number: String } });
