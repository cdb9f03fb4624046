import type fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { csvLine, xlsxCell } from '../platform/csvSafe.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { recordedDownload } from '../platform/recordedDownload.js';
import type { SurveyDefinition } from '../surveys/index.js';
import { answerToCell, columnsFor } from '../surveys/index.js';
import { eachResponse } from './queries/listResponses.js';

export interface ExportSource {
  db: Kysely<Database>;
  partnershipId: string;
  consultationId: string;
  definition: SurveyDefinition;
  /** Counts the rows written, for the record of the download. */
  written?: { rows: number };
}

/** The stable header: reference, one column per question (grid rows by their codes), channel, submitted_at. */
export function exportHeader(definition: SurveyDefinition): string[] {
  return ['reference', ...columnsFor(definition).map((c) => c.code), 'channel', 'submitted_at'];
}

async function* exportRows(source: ExportSource): AsyncGenerator<(string | number)[]> {
  const codes = columnsFor(source.definition).map((c) => c.code);
  for await (const r of eachResponse(source.db, source.partnershipId, source.consultationId)) {
    if (source.written) source.written.rows++;
    yield [r.reference, ...codes.map((code) => answerToCell(r.answers[code])), r.channel, r.submittedAt];
  }
}

/** CSV with a byte order mark (so Excel reads UTF-8), every cell through csvLine: no formula starts, no hidden characters. */
export async function writeCsv(source: ExportSource, out: NodeJS.WritableStream): Promise<void> {
  const lines = Readable.from(
    (async function* () {
      yield `\ufeff${csvLine(exportHeader(source.definition))}`;
      for await (const row of exportRows(source)) yield csvLine(row);
    })(),
  );
  await pipeline(lines, out);
}

/** XLSX keeps each answer as the text it is (a string cell, never a formula), less the hidden characters. */
export async function writeXlsx(source: ExportSource, out: NodeJS.WritableStream): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as fs.WriteStream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Responses');
  sheet.addRow(exportHeader(source.definition)).commit();
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
        detail: { format: source.format, rows: written.rows, ...(complete ? {} : { complete: false }) },
      }),
  );
  return written;
}
