import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { generateDemoResponses } from '../../src/consultations/demo/generateDemoResponses.js';
import { COVENTRY_WARDS } from '../../src/partnerships/demo/coventry.js';
import { slugify } from '../../src/platform/slugify.js';
import { answerToCell } from '../../src/surveys/answerCells.js';
import { columnsFor } from '../../src/surveys/columns.js';
import { crimeSurveyTemplate } from '../../src/surveys/templates/crimeSurvey.js';

/** The header and the demo generator's 696 realistic crime-survey responses as import rows, repeated as needed. */
function responseLines(): { header: string[]; lines: string[][] } {
  const definition = crimeSurveyTemplate();
  const codes = columnsFor(definition).map((c) => c.code);
  const wards = COVENTRY_WARDS.map((name) => ({ code: slugify(name), name }));
  const demo = generateDemoResponses({ wards, opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' });
  return { header: [...codes, 'channel'], lines: demo.map((r) => [...codes.map((c) => String(answerToCell(r.answers[c]))), r.channel]) };
}

/** Writes a realistic crime-survey CSV of `rows` responses. */
export function writeResponsesCsv(file: string, rows: number): void {
  const { header, lines } = responseLines();
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, stringify([header]));
  for (let i = 0; i < rows; i += 1000) {
    fs.writeSync(out, stringify(Array.from({ length: Math.min(1000, rows - i) }, (_, j) => lines[(i + j) % lines.length] as string[])));
  }
  fs.closeSync(out);
}

/** The same as an XLSX with shared strings, as Excel saves one. */
export async function writeResponsesXlsx(file: string, rows: number): Promise<void> {
  const { header, lines } = responseLines();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Responses');
  sheet.addRow(header).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(lines[i % lines.length] as string[]).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * A CSV of `rows` short responses (the required questions and a channel, about 60 bytes a row): 450,000 of them
 * fit under the 50 MB upload limit, as in the review that measured an import of that size.
 */
export function writeShortResponsesCsv(file: string, rows: number): void {
  const wards = COVENTRY_WARDS.map((name) => slugify(name));
  const answers = ['very_safe', 'fairly_safe', 'a_bit_unsafe', 'very_unsafe'];
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,channel\n');
  for (let i = 0; i < rows; i += 1000) {
    const lines = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => {
      const n = i + j;
      return `${wards[n % wards.length]},${answers[n % 4]},${answers[(n >> 2) % 4]},${answers[(n >> 4) % 4]},${answers[(n >> 6) % 4]},paper\n`;
    });
    fs.writeSync(out, lines.join(''));
  }
  fs.closeSync(out);
}
