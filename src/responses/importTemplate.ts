import type fs from 'node:fs';
import ExcelJS from 'exceljs';
import { xlsxCell } from '../platform/csvSafe.js';
import { type Column, columnsFor, type SurveyDefinition, type Ward } from '../surveys/index.js';
import { CHANNELS, channelLabel } from './channels.js';

/** The columns an import reads: one per question (grid rows by their codes), then channel and submitted_at. */
export function importHeader(definition: SurveyDefinition): string[] {
  return [...columnsFor(definition).map((c) => c.code), 'channel', 'submitted_at'];
}

type AllowedRow = [column: string, question: string, code: string, meaning: string];

/** What a column accepts, one row per allowed code (with its label), or one row describing free input. */
function allowedValues(column: Column, wards: readonly Ward[]): AllowedRow[] {
  const q = column.question;
  const row = (code: string, meaning: string): AllowedRow => [column.code, column.label, code, meaning];
  const several = q.type === 'multiple_choice' || q.type === 'ranking' ? ' (several: separate the codes with ;)' : '';
  if (column.options) return column.options.map((o, i) => row(o.value, i === 0 ? `${o.label}${several}` : o.label));
  switch (q.type) {
    case 'ward':
      return wards.map((w) => row(w.code, w.name));
    case 'short_text':
    case 'long_text':
      return [row('', `Any text, up to ${q.maxLength} characters`)];
    case 'number':
      return [row('', `A number${q.min !== undefined ? ` from ${q.min}` : ''}${q.max !== undefined ? ` up to ${q.max}` : ''}`)];
    case 'postcode':
      return [row('', 'A UK postcode, like CV1 2GN (only its sector is kept)')];
    case 'date':
      return [row('', 'A date, like 10/07/2024 or 2024-07-10')];
    default:
      return [row('', 'Any answer')];
  }
}

/**
 * The blank import file as a workbook: a "Responses" sheet with the columns to fill in, and an "Allowed values"
 * sheet listing each column's codes with their labels (either may be entered) or what it takes. Any question may
 * be left blank where the form came back blank.
 */
export async function writeImportTemplate(definition: SurveyDefinition, wards: readonly Ward[], out: NodeJS.WritableStream): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as fs.WriteStream, useSharedStrings: false, useStyles: true });
  const header = importHeader(definition);
  const responses = workbook.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  responses.columns = header.map((h) => ({ width: Math.max(h.length + 2, 12) }));
  const top = responses.addRow(header);
  top.font = { bold: true };
  top.commit();
  responses.commit();

  const allowed = workbook.addWorksheet('Allowed values', { views: [{ state: 'frozen', ySplit: 1 }] });
  allowed.columns = [{ width: 22 }, { width: 50 }, { width: 24 }, { width: 50 }];
  const head = allowed.addRow(['Column', 'Question', 'Code', 'Label or what to enter']);
  head.font = { bold: true };
  head.commit();
  const rows: AllowedRow[] = [
    ...columnsFor(definition).flatMap((c) => allowedValues(c, wards)),
    ...CHANNELS.map((c, i): AllowedRow => ['channel', i === 0 ? 'How the response came in (blank: import)' : '', c, channelLabel(c)]),
    [
      'submitted_at',
      'When the response was made or received (blank: the time of import)',
      '',
      'A date, like 10/07/2024, 10/07/2024 14:30 or 2024-07-10',
    ],
  ];
  for (const r of rows) allowed.addRow(r.map(xlsxCell)).commit();
  allowed.commit();
  await workbook.commit();
}
