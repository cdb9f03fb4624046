/**
 * A report's data as an Excel workbook (exceljs): an "About" sheet (title, meta lines, what each sheet holds, the
 * sources with when each was drawn, the footer), then a sheet for each table in the report and each extra data sheet.
 * Numbers stay numbers; text goes through xlsxCell (a string cell is never a formula) after text.ts's cleaning.
 */
import ExcelJS from 'exceljs';
import { xlsxCell } from '../../platform/csvSafe.js';
import type { DataSheet, ReportDocument } from '../document/reportDocument.js';
import { cleanText, drawnAt } from './text.js';

type Value = string | number | null;

/** A cell's value: numbers as numbers (not finite ones left empty), text cleaned and never a formula, null empty. */
function cell(value: Value): unknown {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return xlsxCell(cleanText(value));
}

/** Characters Excel refuses in a sheet name. */
const NOT_IN_NAME = /[[\]:*?/\\]/g;
const MAX_NAME = 31;

/**
 * Unique sheet names (Excel compares them ignoring case): the wanted name less the characters Excel refuses, at
 * most 31 characters, with " (2)", " (3)"... after a name already taken.
 */
export function sheetNamer(): (wanted: string) => string {
  const taken = new Set<string>();
  return (wanted) => {
    const base =
      cleanText(wanted)
        .replace(NOT_IN_NAME, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || 'Table';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
      if (!taken.has(name.toLowerCase()) && name.toLowerCase() !== 'history') {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
}

/** Width in characters: the longest value in the column, between 10 and 60. */
const widthOf = (values: readonly Value[]) =>
  Math.min(60, Math.max(10, ...values.map((v) => (v === null ? 0 : typeof v === 'number' ? String(v).length : v.length) + 2)));

function addDataSheet(workbook: ExcelJS.Workbook, name: string, sheet: DataSheet) {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.header.map((h, i) => ({ width: widthOf([h, ...sheet.rows.map((r) => r[i] ?? null)]) }));
  ws.addRow(sheet.header.map(cell)).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row.map(cell));
}

/** The report's tables and data sheets as an .xlsx file. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SaferPlan';
  workbook.title = cleanText(doc.title);
  const name = sheetNamer();
  const about = workbook.addWorksheet(name('About'));
  const sheets = [
    ...doc.blocks.flatMap((b) =>
      b.kind === 'table' ? [{ caption: b.caption, note: b.note ?? '', data: { name: b.caption, header: b.header, rows: b.rows } }] : [],
    ),
    ...doc.dataSheets.map((d) => ({ caption: d.name, note: '', data: d })),
  ].map((s) => ({ ...s, sheetName: name(s.data.name) }));

  about.columns = [{ width: 40 }, { width: 60 }, { width: 50 }];
  about.addRow([cell(doc.title)]).font = { bold: true, size: 14 };
  for (const m of doc.meta) about.addRow([cell(m.label), cell(m.value)]);
  if (sheets.length) {
    about.addRow([]);
    about.addRow(['Sheet', 'Contents', 'Note']).font = { bold: true };
    for (const s of sheets) about.addRow([cell(s.sheetName), cell(s.caption), cell(s.note)]);
  }
  if (doc.sources.length) {
    about.addRow([]);
    about.addRow(['Source', 'Data drawn']).font = { bold: true };
    for (const s of doc.sources) about.addRow([cell(s.label), cell(drawnAt(s))]);
  }
  if (doc.footer) {
    about.addRow([]);
    about.addRow([cell(doc.footer)]);
  }
  for (const s of sheets) addDataSheet(workbook, s.sheetName, s.data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
