import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export interface TableRow {
  /** The row number a person sees in the spreadsheet: the header is row 1. */
  rowNumber: number;
  cells: Record<string, string>;
}

export class TableFormatError extends Error {}

export type TableFormat = 'csv' | 'xlsx';

export function formatOf(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new TableFormatError(`${path.basename(file)}: only .csv and .xlsx files can be imported`);
}

/** Streams the rows of a CSV or XLSX file (first sheet) as header-keyed text cells; bounded memory. */
export async function* readTable(file: string, format: TableFormat = formatOf(file)): AsyncGenerator<TableRow, void, undefined> {
  if (format === 'csv') yield* readCsv(file);
  else yield* readXlsx(file);
}

async function* readCsv(file: string): AsyncGenerator<TableRow> {
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: false }));
  let header: string[] | undefined;
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      yield { rowNumber, cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])) };
    }
  } catch (err) {
    throw new TableFormatError(`The CSV file could not be read: ${(err as Error).message}`);
  }
  if (!header) throw new TableFormatError('The file is empty: the first row must name the question codes');
}

async function* readXlsx(file: string): AsyncGenerator<TableRow> {
  let header: string[] | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (!header) {
          header = values.map((h) => h.trim());
          continue;
        }
        if (values.every((v) => v.trim() === '')) continue;
        yield { rowNumber: row.number, cells: Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])) };
      }
      break; // first sheet only
    }
  } catch (err) {
    if (err instanceof TableFormatError) throw err;
    throw new TableFormatError(`The XLSX file could not be read: ${(err as Error).message}`);
  }
  if (!header) throw new TableFormatError('The file is empty: the first row must name the question codes');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}
