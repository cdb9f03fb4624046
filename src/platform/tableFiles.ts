/**
 * Tables written as CSV or XLSX a row at a time, every cell through csvSafe.ts: CSV with a byte order mark (so Excel
 * reads UTF-8) and formula starts neutralised; XLSX with text in text cells, the header row frozen and set widths.
 */
import type fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { csvLine, xlsxCell } from './csvSafe.js';

export type TableFormat = 'csv' | 'xlsx';
export const TABLE_CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface TableColumn {
  header: string;
  /** Width in characters, for XLSX. */
  width: number;
}

/** Writes the header and every row to `out` in the format, and ends it. */
export async function writeTable(
  format: TableFormat,
  columns: readonly TableColumn[],
  rows: AsyncIterable<readonly unknown[]>,
  out: NodeJS.WritableStream,
  sheetName = 'Sheet1',
): Promise<void> {
  if (format === 'csv') {
    const lines = Readable.from(
      (async function* () {
        yield `\ufeff${csvLine(columns.map((c) => c.header))}`;
        for await (const row of rows) yield csvLine(row);
      })(),
    );
    await pipeline(lines, out);
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as fs.WriteStream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) sheet.addRow(row.map(xlsxCell)).commit();
  sheet.commit();
  await workbook.commit();
}
