import type fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { csvLine, xlsxCell } from '../platform/csvSafe.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { recordedDownload } from '../platform/recordedDownload.js';
import type { AnswerValue, Column, SurveyDefinition, Ward } from '../surveys/index.js';
import { answerToCell, columnsFor } from '../surveys/index.js';
import { eachResponse } from './queries/listResponses.js';

export interface ExportSource {
  db: Kysely<Database>;
  partnershipId: string;
  consultationId: string;
  definition: SurveyDefinition;
  /** For people rather than scripts: question text as headers and option labels (and ward names) as values. */
  labels?: boolean;
  /** The partnership's wards, whose names stand for their codes when `labels` is set. */
  wards?: readonly Ward[];
  /** Counts the rows written, for the record of the download. */
  written?: { rows: number };
}

const FIXED = { first: ['reference'], last: ['channel', 'submitted_at'] };

/** The stable header: reference, one column per question (grid rows by their codes), channel, submitted_at. */
export function exportHeader(definition: SurveyDefinition): string[] {
  return [...FIXED.first, ...columnsFor(definition).map((c) => c.code), ...FIXED.last];
}

/** The header people read: each question's text (a grid's with its row's label); the fixed columns keep their names. */
function labelHeader(definition: SurveyDefinition): string[] {
  return [...FIXED.first, ...columnsFor(definition).map((c) => c.label), ...FIXED.last];
}

/** An answer as its labels: each option code as the option's text, a ward code as the ward's name; "; " between several. */
function labelCell(column: Column, value: AnswerValue | undefined, wardNames: ReadonlyMap<string, string>): string | number {
  if (value === null || value === undefined) return '';
  const name = (code: string) =>
    column.type === 'ward' ? (wardNames.get(code) ?? code) : (column.options?.find((o) => o.value === code)?.label ?? code);
  if (Array.isArray(value)) return value.map(name).join('; ');
  return typeof value === 'string' ? name(value) : value;
}

async function* exportRows(source: ExportSource): AsyncGenerator<(string | number)[]> {
  const columns = columnsFor(source.definition);
  const wardNames = new Map((source.wards ?? []).map((w) => [w.code, w.name]));
  const cell = source.labels
    ? (c: Column, v: AnswerValue | undefined) => labelCell(c, v, wardNames)
    : (_c: Column, v: AnswerValue | undefined) => answerToCell(v);
  for await (const r of eachResponse(source.db, source.partnershipId, source.consultationId)) {
    if (source.written) source.written.rows++;
    yield [r.reference, ...columns.map((c) => cell(c, r.answers[c.code])), r.channel, r.submittedAt];
  }
}

const header = (source: ExportSource) => (source.labels ? labelHeader(source.definition) : exportHeader(source.definition));

/** CSV with a byte order mark (so Excel reads UTF-8), every cell through csvLine: no formula starts, no hidden characters. */
export async function writeCsv(source: ExportSource, out: NodeJS.WritableStream): Promise<void> {
  const lines = Readable.from(
    (async function* () {
      yield `\ufeff${csvLine(header(source))}`;
      for await (const row of exportRows(source)) yield csvLine(row);
    })(),
  );
  await pipeline(lines, out);
}

/** Column widths in characters: wide enough for most answers, capped so one long comment does not push the rest away. */
const width = (title: string) => Math.min(Math.max(title.length + 2, 12), 40);

/**
 * XLSX keeps each answer as the text it is (a string cell, never a formula), less the hidden characters. The header
 * row is frozen and columns have widths fitted to their headers.
 */
export async function writeXlsx(source: ExportSource, out: NodeJS.WritableStream): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as fs.WriteStream, useSharedStrings: false, useStyles: true });
  const titles = header(source);
  const sheet = workbook.addWorksheet('Responses', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = titles.map((t) => ({ width: width(t) }));
  const top = sheet.addRow(titles.map(xlsxCell));
  top.font = { bold: true };
  top.commit();
  for await (const row of exportRows(source)) sheet.addRow(row.map(xlsxCell)).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * A download of every response (web or command line): the file, and its audit entry (who, the format, the rows)
 * recorded before the file ends.
 */
export async function exportResponses(
  source: ExportSource & { actor: Actor; format: 'csv' | 'xlsx' },
  out: NodeJS.WritableStream,
): Promise<{ rows: number }> {
  const written = { rows: 0 };
  await recordedDownload(
    out,
    (relay) => (source.format === 'csv' ? writeCsv : writeXlsx)({ ...source, written }, relay),
    (complete) =>
      recordAudit(source.db, {
        actor: source.actor,
        action: 'responses.export',
        entity: 'consultation',
        entityId: source.consultationId,
        partnershipId: source.partnershipId,
        detail: { format: source.format, ...(source.labels ? { labels: true } : {}), rows: written.rows, ...(complete ? {} : { complete: false }) },
      }),
  );
  return written;
}
