/**
 * Reads an import's files (crimeFiles.ts) row by row: each row read (rows.ts), placed in the partnership's area
 * (placement.ts) and turned into the row its table stores, yielded in batches of 1,000 a table; rejected rows are
 * named with their reasons and the rest go on; a file that is not a police.uk file ends the reading with
 * CrimeFileRejected. No database: it runs on the import's reading thread (readInWorker.ts).
 */
import { type Parser, parse } from 'csv-parse';
import type { CrimeOutcomesTable, CrimeRecordsTable, StopSearchesTable } from '../../db/schema.js';
import { type Area, AreaIndex } from '../../geography/index.js';
import { type CrimeFile, crimeFiles } from '../crimeFiles.js';
import { type ImportedFile, type ImportProblem, MAX_PROBLEMS } from '../importSummary.js';
import { Placer } from '../placement.js';
import { forceOfFileName, kindOfHeader, type PoliceUkKind } from '../policeUk/formats.js';
import { readRow } from '../policeUk/rows.js';

export const BATCH = 1000;

export type RowTable = 'crime_records' | 'crime_outcomes' | 'stop_searches';
export type RowOf<T extends RowTable> = { crime_records: CrimeRecordsTable; crime_outcomes: CrimeOutcomesTable; stop_searches: StopSearchesTable }[T];
/** A table's rows, and how many rows of the files have been read so far (for progress). */
export type Batch = { [T in RowTable]: { table: T; rows: RowOf<T>[] } }[RowTable] & { rowsRead: number };

/** The partnership's area as plain data, so it can cross to a thread. */
export interface AreaData {
  lsoaAreas: Area[];
  wardAreas: Area[];
  lsoaWards: [string, string | null][];
  wardOfOnsCode: [string, string][];
}

export interface ReadingInput {
  partnershipId: string;
  importId: string;
  files: readonly string[];
  /** Each file's name as the summary gives it, where it is not its path. */
  labels?: Record<string, string>;
  area: AreaData;
}

export interface ReadingOutcome {
  areaSet: boolean;
  files: ImportedFile[];
  rowsRead: number;
  imported: number;
  outside: number;
  notPlaced: number;
  rejected: number;
  problems: ImportProblem[];
  /** Per table, the months of each force the import holds: what it replaces. */
  months: Record<RowTable, [string, string[]][]>;
}

/** A file that cannot be imported at all: the import fails with it. */
export class CrimeFileRejected extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly reason: string,
  ) {
    super(`${file}${row ? `, row ${row}` : ''}: ${reason}`);
  }
}

export function placerOf(area: AreaData): Placer {
  return new Placer({
    lsoaIndex: area.lsoaAreas.length ? new AreaIndex(area.lsoaAreas) : undefined,
    wardIndex: area.wardAreas.length ? new AreaIndex(area.wardAreas) : undefined,
    lsoaWards: new Map(area.lsoaWards),
    wardOfOnsCode: new Map(area.wardOfOnsCode),
  });
}

export async function* readCrimeRows(input: ReadingInput): AsyncGenerator<Batch, ReadingOutcome> {
  const placer = placerOf(input.area);
  const outcome: ReadingOutcome = {
    areaSet: placer.areaSet,
    files: [],
    rowsRead: 0,
    imported: 0,
    outside: 0,
    notPlaced: 0,
    rejected: 0,
    problems: [],
    months: { crime_records: [], crime_outcomes: [], stop_searches: [] },
  };
  const months: Record<RowTable, Map<string, Set<string>>> = { crime_records: new Map(), crime_outcomes: new Map(), stop_searches: new Map() };
  const pending: { [T in RowTable]: RowOf<T>[] } = { crime_records: [], crime_outcomes: [], stop_searches: [] };
  for await (const file of crimeFiles(input.files, input.labels)) {
    for await (const placed of rowsOfFile(file, input, placer, outcome)) {
      for (const { table, row } of placed) {
        const forMonths = months[table].get(row.force) ?? new Set<string>();
        months[table].set(row.force, forMonths.add(row.month));
        (pending[table] as unknown[]).push(row);
        if (pending[table].length >= BATCH) {
          yield { table, rows: pending[table], rowsRead: outcome.rowsRead } as Batch;
          pending[table] = [];
        }
      }
    }
  }
  for (const table of Object.keys(pending) as RowTable[])
    if (pending[table].length) yield { table, rows: pending[table], rowsRead: outcome.rowsRead } as Batch;
  for (const table of Object.keys(months) as RowTable[]) outcome.months[table] = [...months[table]].map(([force, m]) => [force, [...m].sort()]);
  return outcome;
}

type Placed = { [T in RowTable]: { table: T; row: RowOf<T> } }[RowTable];

/** The file's rows, placed, a parsed chunk at a time (a generator step a row cost more than parsing it). */
async function* rowsOfFile(file: CrimeFile, input: ReadingInput, placer: Placer, outcome: ReadingOutcome): AsyncGenerator<Placed[]> {
  const { partnershipId, importId } = input;
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const source = file.open();
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let kind: PoliceUkKind | undefined;
  let row = 0;
  const imported: ImportedFile = { file: file.name, kind: 'street', rowsRead: 0, months: [] };
  const monthsOfFile = new Set<string>();
  const stopSearchForce = forceOfFileName(file.name);
  try {
    for await (const chunk of chunksOf(parser)) {
      const placedRows: Placed[] = [];
      for (const cells of chunk) {
        row++;
        if (!kind) {
          const header = kindOfHeader(cells);
          if ('message' in header) throw new CrimeFileRejected(file.name, 1, header.message);
          kind = imported.kind = header.kind;
          continue;
        }
        outcome.rowsRead++;
        imported.rowsRead++;
        const record = readRow(kind, cells);
        if (!('kind' in record)) {
          outcome.rejected++;
          if (outcome.problems.length < MAX_PROBLEMS) outcome.problems.push({ file: file.name, row, column: record.column, message: record.message });
          continue;
        }
        const placed = placer.place(record.point, record.kind === 'stop-and-search' ? null : record.lsoaCode);
        if (placed.status === 'outside' || placed.status === 'not-placed') {
          if (placed.status === 'outside') outcome.outside++;
          else outcome.notPlaced++;
          continue;
        }
        outcome.imported++;
        monthsOfFile.add(record.month);
        const lsoa = placed.lsoa;
        const ward = placed.status === 'placed' ? placed.ward : null;
        const longitude = record.point?.longitude ?? null;
        const latitude = record.point?.latitude ?? null;
        const common = { partnership_id: partnershipId, import_id: importId, month: record.month };
        if (record.kind === 'street')
          placedRows.push({
            table: 'crime_records',
            row: {
              ...common,
              force: record.force,
              crime_id: record.crimeId,
              category: record.category,
              lsoa_code: lsoa,
              ward_code: ward,
              longitude,
              latitude,
              location: record.location,
              last_outcome: record.lastOutcome,
            },
          });
        else if (record.kind === 'outcome')
          placedRows.push({
            table: 'crime_outcomes',
            row: { ...common, force: record.force, position: row, crime_id: record.crimeId, outcome: record.outcome, lsoa_code: lsoa },
          });
        else
          placedRows.push({
            table: 'stop_searches',
            row: {
              ...common,
              force: stopSearchForce,
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
              longitude,
              latitude,
            },
          });
      }
      yield placedRows;
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
  outcome.files.push(imported);
}

/** The records a stream has parsed, as many at a time as are ready. */
async function* chunksOf(parser: Parser): AsyncGenerator<string[][]> {
  let ended = false;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = () => wake?.();
  parser.on('readable', poke);
  parser.on('end', () => {
    ended = true;
    poke();
  });
  parser.on('error', (err) => {
    failed = err;
    poke();
  });
  for (;;) {
    const chunk: string[][] = [];
    for (let record = parser.read(); record !== null; record = parser.read()) chunk.push(record as string[]);
    if (chunk.length) yield chunk;
    else if (failed) throw failed;
    else if (ended) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}
