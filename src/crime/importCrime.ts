/**
 * Imports police.uk files (docs/crime.md): street-level crime and ASB (current and 2011 layouts), outcomes, and stop
 * and search, as CSV files or in police.uk's ZIP download. Each row is read (rows.ts), placed in the partnership's
 * area (placement.ts) and written under the import; rejected rows are named with their reasons and the rest go on.
 * A file that is not a police.uk file fails the whole import: its rows are deleted and the data is as it was. When
 * every file is read, the import replaces what earlier imports held for the same force's months, in one transaction.
 */
import { parse } from 'csv-parse';
import type { Kysely } from 'kysely';
import { newId } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { ZipFormatError } from '../platform/zipFile.js';
import { type CrimeFile, crimeFiles } from './crimeFiles.js';
import { type CrimeImportSummary, emptySummary, type ImportedFile, MAX_PROBLEMS, summaryMessage } from './importSummary.js';
import { Placer } from './placement.js';
import { forceOfFileName, kindOfHeader, type PoliceUkKind } from './policeUk/formats.js';
import { readRow } from './policeUk/rows.js';
import {
  applyOutcomes,
  discardInterruptedImports,
  discardRows,
  finishImport,
  insertRows,
  type RowOf,
  type RowTable,
  replaceMonths,
  setProgress,
  startImport,
} from './queries/crimeImportRows.js';
import { partnershipArea } from './queries/partnershipArea.js';

const BATCH = 1000;
const PROGRESS_EVERY = 25_000;

/** A file that cannot be imported at all: the import fails with it. */
export class CrimeFileRejected extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    message: string,
  ) {
    super(`${file}${row ? `, row ${row}` : ''}: ${message}`);
  }
}

export interface CrimeImportOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  files: readonly string[];
  /** Called with the rows read so far, every 25,000 rows and at the end. */
  onProgress?: (rowsRead: number) => void;
}

export async function importCrime(o: CrimeImportOptions): Promise<CrimeImportSummary> {
  await discardInterruptedImports(o.db, o.partnershipId);
  const placer = new Placer(await partnershipArea(o.db, o.partnershipId));
  const importId = newId();
  const summary = emptySummary(importId, placer.areaSet);
  await startImport(o.db, { id: importId, partnershipId: o.partnershipId, startedBy: o.actor.label, files: [...o.files] });
  const writer = new BatchWriter(o.db);
  const months: Record<RowTable, Map<string, Set<string>>> = { crime_records: new Map(), crime_outcomes: new Map(), stop_searches: new Map() };
  try {
    for await (const file of crimeFiles(o.files)) {
      await readFile(file, { o, importId, placer, summary, writer, months });
    }
    await writer.flush();
    o.onProgress?.(summary.rowsRead);
    await o.db.transaction().execute(async (trx) => {
      for (const [table, byForce] of Object.entries(months) as [RowTable, Map<string, Set<string>>][])
        summary.replaced += await replaceMonths(trx, o.partnershipId, importId, table, byForce);
      // Done first, so that its outcomes count among the finished imports' when they are applied.
      await finishImport(trx, importId, 'done', summary);
      await applyOutcomes(trx, o.partnershipId, importId);
      summary.message = summaryMessage(summary);
      await finishImport(trx, importId, 'done', summary);
      await recordAudit(trx, {
        actor: o.actor,
        action: 'crime.import',
        entity: 'partnership',
        entityId: o.partnershipId,
        partnershipId: o.partnershipId,
        detail: { importId, files: o.files, rowsRead: summary.rowsRead, imported: summary.imported, replaced: summary.replaced },
      });
    });
    return summary;
  } catch (err) {
    await writer.abandon();
    await discardRows(o.db, importId);
    summary.status = 'failed';
    if (err instanceof CrimeFileRejected) summary.problems.unshift({ file: err.file, row: err.row, column: '', message: err.message });
    else if (err instanceof ZipFormatError) summary.problems.unshift({ file: '', row: 0, column: '', message: err.message });
    else summary.problems.unshift({ file: '', row: 0, column: '', message: `the import stopped: ${(err as Error).message}` });
    summary.message = summaryMessage(summary);
    await finishImport(o.db, importId, 'failed', summary);
    return summary;
  }
}

interface Reading {
  o: CrimeImportOptions;
  importId: string;
  placer: Placer;
  summary: CrimeImportSummary;
  writer: BatchWriter;
  months: Record<RowTable, Map<string, Set<string>>>;
}

async function readFile(file: CrimeFile, r: Reading) {
  const { summary, placer, writer, importId } = r;
  const partnershipId = r.o.partnershipId;
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const source = file.open();
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let kind: PoliceUkKind | undefined;
  let row = 0;
  const imported: ImportedFile = { file: file.name, kind: 'street', rowsRead: 0, months: [] };
  const monthsOfFile = new Set<string>();
  const stopSearchForce = forceOfFileName(file.name);
  const reject = (column: string, message: string) => {
    summary.rejected++;
    if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ file: file.name, row, column, message });
  };
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (!kind) {
        const header = kindOfHeader(cells);
        if ('message' in header) throw new CrimeFileRejected(file.name, 1, header.message);
        kind = header.kind;
        imported.kind = kind;
        continue;
      }
      summary.rowsRead++;
      imported.rowsRead++;
      if (summary.rowsRead % PROGRESS_EVERY === 0) {
        r.o.onProgress?.(summary.rowsRead);
        await setProgress(r.o.db, importId, summary.rowsRead);
      }
      const record = readRow(kind, cells);
      if (!('kind' in record)) {
        reject(record.column, record.message);
        continue;
      }
      const placed = placer.place(record.point, record.kind === 'stop-and-search' ? null : record.lsoaCode);
      if (placed.status === 'outside') {
        summary.outside++;
        continue;
      }
      if (placed.status === 'not-placed') {
        summary.notPlaced++;
        continue;
      }
      const lsoa = placed.lsoa;
      const ward = placed.status === 'placed' ? placed.ward : null;
      summary.imported++;
      monthsOfFile.add(record.month);
      const point = record.point;
      if (record.kind === 'street') {
        note(r.months.crime_records, record.force, record.month);
        await writer.add('crime_records', {
          partnership_id: partnershipId,
          import_id: importId,
          force: record.force,
          month: record.month,
          crime_id: record.crimeId,
          category: record.category,
          lsoa_code: lsoa,
          ward_code: ward,
          longitude: point?.longitude ?? null,
          latitude: point?.latitude ?? null,
          location: record.location,
          last_outcome: record.lastOutcome,
        });
      } else if (record.kind === 'outcome') {
        note(r.months.crime_outcomes, record.force, record.month);
        await writer.add('crime_outcomes', {
          partnership_id: partnershipId,
          import_id: importId,
          force: record.force,
          month: record.month,
          position: row,
          crime_id: record.crimeId,
          outcome: record.outcome,
          lsoa_code: lsoa,
        });
      } else {
        note(r.months.stop_searches, stopSearchForce, record.month);
        await writer.add('stop_searches', {
          partnership_id: partnershipId,
          import_id: importId,
          force: stopSearchForce,
          month: record.month,
          occurred_at: record.occurredAt,
          type: record.type,
          gender: record.gender,
          age_range: record.ageRange,
          officer_ethnicity: record.officerEthnicity,
          legislation: record.legislation,
          object_of_search: record.objectOfSearch,
          outcome: record.outcome,
          lsoa_code: lsoa,
          ward_code: ward,
          longitude: point?.longitude ?? null,
          latitude: point?.latitude ?? null,
        });
      }
    }
  } catch (err) {
    if (err instanceof CrimeFileRejected) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') throw new CrimeFileRejected(file.name, 0, `cannot be read (${code})`);
    if (code?.startsWith('CSV_')) throw new CrimeFileRejected(file.name, row + 1, `it is not readable CSV: ${(err as Error).message}`);
    throw err;
  }
  if (!kind) throw new CrimeFileRejected(file.name, 0, 'the file is empty');
  imported.months = [...monthsOfFile].sort();
  summary.files.push(imported);
}

function note(byForce: Map<string, Set<string>>, force: string, month: string) {
  const months = byForce.get(force) ?? new Set<string>();
  byForce.set(force, months.add(month));
}

/** Rows written in batches of 1,000 a table, one batch in flight while the next is read. */
class BatchWriter {
  private readonly pending: { [T in RowTable]: RowOf<T>[] } = { crime_records: [], crime_outcomes: [], stop_searches: [] };
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  async add<T extends RowTable>(table: T, row: RowOf<T>) {
    const rows = this.pending[table] as RowOf<T>[];
    rows.push(row);
    if (rows.length >= BATCH) await this.write(table);
  }

  private async write(table: RowTable) {
    const rows = this.pending[table];
    this.pending[table] = [];
    await this.inFlight;
    this.inFlight = insertRows(this.db, table, rows);
  }

  async flush() {
    for (const table of Object.keys(this.pending) as RowTable[]) await this.write(table);
    await this.inFlight;
  }

  async abandon() {
    await this.inFlight.catch(() => undefined);
  }
}
