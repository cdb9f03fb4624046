/**
 * A geography CSV read whole and its columns found by the names ONS, MHCLG, OS and Nomis files use (any year's
 * `WD24CD`, `LSOA11CD`, `LSOA code (2011)`, `usual_residents`...). Pure: text in, cells out.
 */
import { parse } from 'csv-parse/sync';

export interface RowProblem {
  /** The line in the file: the header is row 1. */
  row: number;
  column: string;
  message: string;
}

export interface CsvTable {
  header: string[];
  /** Each data row with its row number in the file. */
  rows: { row: number; cells: string[] }[];
}

export function readCsvTable(text: string): CsvTable | RowProblem {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    return { row: (err as { lines?: number }).lines ?? 1, column: '', message: `The file is not readable CSV: ${(err as Error).message}` };
  }
  const [header = [], ...rows] = records;
  // PostgreSQL's text cannot hold NUL (SQLite's can): a damaged file is refused here, naming the cell, not by the driver.
  for (const [i, cells] of records.entries()) {
    const at = cells.findIndex((c) => c.includes('\u0000'));
    if (at >= 0) return { row: i + 1, column: header[at] ?? '', message: 'The cell holds a NUL character, so the file is damaged' };
  }
  return { header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A column the table must or may have: names as squashed text (lower case, letters and digits) or patterns. */
export type ColumnNames = readonly (string | RegExp)[];

/** The index of the first header cell matching one of the names, in the names' order; -1 when none does. */
export function findColumn(header: readonly string[], names: ColumnNames): number {
  const squashed = header.map(squash);
  for (const name of names) {
    const at = typeof name === 'string' ? squashed.indexOf(name) : header.findIndex((h) => name.test(h.trim()));
    if (at >= 0) return at;
  }
  return -1;
}

export const COLUMNS = {
  wardCode: [/^WD\d\dCD$/i, 'wardcode', 'adminwardcode', 'wardonscode'],
  wardName: [/^WD\d\dNM$/i, 'wardname', 'ward'],
  lsoaCode: [/^LSOA\d\dCD$/i, 'lsoacode2011', 'lsoacode2021', 'lsoacode', 'lsoa21code', 'lsoa11code', 'lsoa', 'lowerlayersuperoutputareascode'],
  lsoaName: [/^LSOA\d\dNM$/i, 'lsoaname2011', 'lsoaname2021', 'lsoaname', 'lsoa21name', 'lsoa11name'],
  population: ['population', 'usualresidents', 'observation', 'count', /^Total population/i],
  ageBand: ['agegroup', 'ageband', 'age6categories', 'age'],
  sex: ['sex'],
  imdRank: [/^Index of Multiple Deprivation \(IMD\) Rank/i, 'imdrank'],
  imdDecile: [/^Index of Multiple Deprivation \(IMD\) Decile/i, 'imddecile'],
  postcode: ['postcode', 'pcds', 'pcd', 'pcd7', 'pcd8'],
  easting: ['eastings', 'easting', 'oseast1m'],
  northing: ['northings', 'northing', 'osnrth1m'],
  longitude: ['longitude', 'long', 'lon'],
  latitude: ['latitude', 'lat'],
} satisfies Record<string, ColumnNames>;

/** A whole number written with or without thousands separators ("11,101"); undefined when it is not one. */
export function wholeNumber(text: string | undefined): number | undefined {
  const plain = String(text ?? '')
    .replace(/,/g, '')
    .trim();
  return /^\d+$/.test(plain) ? Number(plain) : undefined;
}
