import path from 'node:path';
import { readCsv } from './readCsv.js';
import { readXlsx } from './readXlsx.js';
import { DEFAULT_LIMITS, TableFormatError, type TableLimits, type TableRow } from './tableRow.js';

export { TableFormatError, type TableRow } from './tableRow.js';

export type TableFormat = 'csv' | 'xlsx';

export function formatOf(file: string): TableFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new TableFormatError(`${path.basename(file)}: only .csv and .xlsx files can be imported`);
}

/** Streams the rows of a CSV or XLSX file (first sheet) as header-keyed text cells; bounded memory whatever the file holds. */
export function readTable(file: string, format: TableFormat = formatOf(file), limits: TableLimits = DEFAULT_LIMITS): AsyncGenerator<TableRow> {
  return format === 'csv' ? readCsv(file, limits) : readXlsx(file, limits);
}
