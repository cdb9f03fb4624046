/** What reading an import file gives, and the bounds that keep reading any file within memory. */

export interface TableRow {
  /** The row number a person sees in the spreadsheet: the header is row 1. */
  rowNumber: number;
  cells: Record<string, string>;
}

/** The file cannot be imported as a whole (its type, size, encoding or shape); nothing has been stored. */
export class TableFormatError extends Error {}

export interface TableLimits {
  /** The most characters a cell may hold (the longest free-text answer a survey allows, at least). */
  maxCellChars: number;
  /** The most bytes an XLSX may unpack to, across all its parts. */
  maxXmlBytes: number;
  /** The most characters an XLSX's shared strings may hold together. */
  maxSharedChars: number;
}

export const DEFAULT_LIMITS: TableLimits = {
  maxCellChars: 10_000,
  maxXmlBytes: 500 * 1_048_576,
  maxSharedChars: 50_000_000,
};

/**
 * A header's names, trimmed, checked: a name given twice would keep only one of its columns' values, so the file is
 * refused naming it. Empty names are left to the import (a cell under one is reported as an unknown column).
 */
export function headerOf(cells: readonly string[]): string[] {
  const header = cells.map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (h !== '' && seen.has(h)) throw new TableFormatError(`Row 1: the column ${h} is given twice`);
    seen.add(h);
  }
  return header;
}

export const formatCount = (n: number) => n.toLocaleString('en-GB');
