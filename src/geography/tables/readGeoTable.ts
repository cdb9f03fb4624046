/**
 * The geography tables a partnership imports (docs/geography.md), each read and checked whole from CSV: every
 * problem named by row and column, the records otherwise. Pure. Whether a code is one of the partnership's is the
 * import's question (importGeographyTable.ts), not this file's.
 */
import { postcodeSector } from '../../surveys/index.js';
import { gridToLongitudeLatitude, inNationalGrid, inUnitedKingdom } from '../britishNationalGrid.js';
import { COLUMNS, type ColumnNames, findColumn, type RowProblem, readCsvTable, wholeNumber } from './csvTable.js';

export const TABLE_KINDS = ['wards', 'lsoas', 'lookup', 'population', 'imd', 'postcodes'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export interface WardRecord {
  row: number;
  onsCode: string;
  name: string;
}
export interface LsoaRecord {
  row: number;
  code: string;
  name: string;
}
export interface LookupRecord {
  row: number;
  lsoaCode: string;
  lsoaName: string | null;
  wardOnsCode: string;
  wardName: string | null;
}
export interface PopulationRecord {
  row: number;
  area: 'lsoa' | 'ward';
  code: string;
  ageBand: string;
  sex: string;
  population: number;
}
export interface ImdRecord {
  row: number;
  lsoaCode: string;
  rank: number;
  decile: number;
  /** Every domain the file has (Income, Crime...), by its name in the file. */
  domains: Record<string, { rank?: number; decile?: number }>;
}
export interface PostcodeRecord {
  row: number;
  postcode: string;
  sector: string;
  wardOnsCode: string | null;
  lsoaCode: string | null;
  longitude: number | null;
  latitude: number | null;
}

export interface GeoTable {
  wards: WardRecord[];
  lsoas: LsoaRecord[];
  lookup: LookupRecord[];
  population: PopulationRecord[];
  imd: ImdRecord[];
  postcodes: PostcodeRecord[];
}

export type ReadResult<K extends TableKind> = { ok: true; records: GeoTable[K] } | { ok: false; problems: RowProblem[] };

const WARD_CODE = /^[EWSN]05\d{6}$/;
const LSOA_CODE = /^[EW]01\d{6}$/;
/** Ages and sexes ONS writes for "everyone": stored as the whole population. */
const ALL = new Set(['', 'all', 'total', 'allpersons', 'allusualresidents', 'persons', 'allages']);

interface Reading {
  header: string[];
  rows: Rows;
  problems: RowProblem[];
  /** The column's index; a missing required column is a problem on row 1. */
  column(label: string, names: ColumnNames, required?: boolean): number;
  cell(cells: string[], at: number): string;
  code(row: number, cells: string[], at: number, label: string, pattern: RegExp, what: string): string | undefined;
}

function reading(text: string): Reading | RowProblem {
  const table = readCsvTable(text);
  if (!('header' in table)) return table;
  const problems: RowProblem[] = [];
  const r: Reading = {
    header: table.header,
    rows: table.rows,
    problems,
    column(label, names, required = true) {
      const at = findColumn(table.header, names);
      if (at < 0 && required) problems.push({ row: 1, column: label, message: `The header has no ${label} column` });
      return at;
    },
    cell: (cells, at) => (at < 0 ? '' : (cells[at] ?? '').trim()),
    code(row, cells, at, label, pattern, what) {
      const value = r.cell(cells, at).toUpperCase();
      if (pattern.test(value)) return value;
      problems.push({ row, column: label, message: value ? `${value} is not ${what}` : `It is empty: give ${what}` });
      return undefined;
    },
  };
  return r;
}

/** Each key once: the second and later rows naming it are problems. */
function once<T extends { row: number }>(records: T[], keyOf: (t: T) => string, column: string, problems: RowProblem[], what: string): T[] {
  const first = new Map<string, number>();
  return records.filter((t) => {
    const key = keyOf(t);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, t.row);
      return true;
    }
    problems.push({ row: t.row, column, message: `${what} ${key} is already on row ${earlier}` });
    return false;
  });
}

export function readGeoTable<K extends TableKind>(kind: K, text: string): ReadResult<K> {
  const r = reading(text);
  if (!('header' in r)) return { ok: false, problems: [r] };
  const records = READERS[kind](r, r.rows);
  if (r.problems.length === 0 && records.length === 0) r.problems.push({ row: 2, column: '', message: 'The file has no rows under its header' });
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, records: records as GeoTable[K] };
}

type Rows = { row: number; cells: string[] }[];
const READERS: { [K in TableKind]: (r: Reading, rows: Rows) => GeoTable[K] } = {
  wards(r, rows) {
    const code = r.column('ward code', COLUMNS.wardCode);
    const name = r.column('ward name', COLUMNS.wardName);
    if (r.problems.length) return [];
    const out: WardRecord[] = [];
    for (const { row, cells } of rows) {
      const onsCode = r.code(row, cells, code, r.header[code] ?? '', WARD_CODE, 'a ward code (E05...)');
      const wardName = r.cell(cells, name);
      if (!wardName) r.problems.push({ row, column: r.header[name] ?? '', message: 'It is empty: give the ward’s name' });
      if (onsCode && wardName) out.push({ row, onsCode, name: wardName });
    }
    // A lookup file names each ward on many rows: the same code and name again is the same ward.
    const distinct = out.filter((w, i) => out.findIndex((x) => x.onsCode === w.onsCode && x.name === w.name) === i);
    return once(distinct, (w) => w.onsCode, r.header[code] ?? '', r.problems, 'Ward');
  },
  lsoas(r, rows) {
    const code = r.column('LSOA code', COLUMNS.lsoaCode);
    const name = r.column('LSOA name', COLUMNS.lsoaName);
    if (r.problems.length) return [];
    const out: LsoaRecord[] = [];
    for (const { row, cells } of rows) {
      const lsoa = r.code(row, cells, code, r.header[code] ?? '', LSOA_CODE, 'an LSOA code (E01...)');
      if (lsoa) out.push({ row, code: lsoa, name: r.cell(cells, name) || lsoa });
    }
    return once(out, (l) => l.code, r.header[code] ?? '', r.problems, 'LSOA');
  },
  lookup(r, rows) {
    const lsoa = r.column('LSOA code', COLUMNS.lsoaCode);
    const lsoaName = r.column('LSOA name', COLUMNS.lsoaName, false);
    const ward = r.column('ward code', COLUMNS.wardCode);
    const wardName = r.column('ward name', COLUMNS.wardName, false);
    if (r.problems.length) return [];
    const out: LookupRecord[] = [];
    for (const { row, cells } of rows) {
      const lsoaCode = r.code(row, cells, lsoa, r.header[lsoa] ?? '', LSOA_CODE, 'an LSOA code (E01...)');
      const wardOnsCode = r.code(row, cells, ward, r.header[ward] ?? '', WARD_CODE, 'a ward code (E05...)');
      if (lsoaCode && wardOnsCode)
        out.push({ row, lsoaCode, lsoaName: r.cell(cells, lsoaName) || null, wardOnsCode, wardName: r.cell(cells, wardName) || null });
    }
    return once(out, (l) => l.lsoaCode, r.header[lsoa] ?? '', r.problems, 'LSOA');
  },
  population(r, rows) {
    const lsoa = findColumnOf(r, COLUMNS.lsoaCode);
    const ward = lsoa < 0 ? findColumnOf(r, COLUMNS.wardCode) : -1;
    if (lsoa < 0 && ward < 0) r.problems.push({ row: 1, column: 'LSOA code', message: 'The header has no LSOA code or ward code column' });
    const count = r.column('population', COLUMNS.population);
    const age = r.column('age band', COLUMNS.ageBand, false);
    const sex = r.column('sex', COLUMNS.sex, false);
    if (r.problems.length) return [];
    const area = lsoa >= 0 ? 'lsoa' : 'ward';
    const at = lsoa >= 0 ? lsoa : ward;
    const out: PopulationRecord[] = [];
    for (const { row, cells } of rows) {
      const code =
        area === 'lsoa'
          ? r.code(row, cells, at, r.header[at] ?? '', LSOA_CODE, 'an LSOA code (E01...)')
          : r.code(row, cells, at, r.header[at] ?? '', WARD_CODE, 'a ward code (E05...)');
      const population = wholeNumber(r.cell(cells, count));
      if (population === undefined)
        r.problems.push({ row, column: r.header[count] ?? '', message: `${r.cell(cells, count) || 'It is empty'}: give a whole number of people` });
      const ageBand = r.cell(cells, age);
      const sexValue = r.cell(cells, sex);
      if (code && population !== undefined) out.push({ row, area, code, population, ageBand: allOr(ageBand), sex: allOr(sexValue) });
    }
    return once(out, (p) => [p.code, p.ageBand, p.sex].filter((s) => s !== 'all').join(' '), r.header[at] ?? '', r.problems, 'Population of');
  },
  imd(r, rows) {
    const lsoa = r.column('LSOA code', COLUMNS.lsoaCode);
    const rank = r.column('IMD rank', COLUMNS.imdRank);
    const decile = r.column('IMD decile', COLUMNS.imdDecile);
    if (r.problems.length) return [];
    const domainColumns = r.header.flatMap((h, at) => {
      const m = /^(.+?) (Rank|Decile) \(where 1 is most deprived/i.exec(h.trim());
      return m && !/^Index of Multiple Deprivation/i.test(h)
        ? [{ at, domain: (m[1] as string).trim(), part: (m[2] as string).toLowerCase() as 'rank' | 'decile' }]
        : [];
    });
    const out: ImdRecord[] = [];
    for (const { row, cells } of rows) {
      const code = r.code(row, cells, lsoa, r.header[lsoa] ?? '', LSOA_CODE, 'an LSOA code (E01...)');
      const rankValue = wholeNumber(r.cell(cells, rank));
      const decileValue = wholeNumber(r.cell(cells, decile));
      if (rankValue === undefined || rankValue < 1)
        r.problems.push({
          row,
          column: r.header[rank] ?? '',
          message: `${r.cell(cells, rank) || 'It is empty'}: give the rank, a whole number from 1 (most deprived)`,
        });
      if (decileValue === undefined || decileValue < 1 || decileValue > 10)
        r.problems.push({
          row,
          column: r.header[decile] ?? '',
          message: `${r.cell(cells, decile) || 'It is empty'}: give the decile, 1 (most deprived) to 10`,
        });
      const domains: ImdRecord['domains'] = {};
      for (const d of domainColumns) {
        const value = wholeNumber(r.cell(cells, d.at));
        if (value === undefined || (d.part === 'decile' && (value < 1 || value > 10))) {
          r.problems.push({ row, column: r.header[d.at] ?? '', message: `${r.cell(cells, d.at) || 'It is empty'}: give a whole-number ${d.part}` });
          continue;
        }
        domains[d.domain] = { ...domains[d.domain], [d.part]: value };
      }
      if (code && rankValue !== undefined && decileValue !== undefined)
        out.push({ row, lsoaCode: code, rank: rankValue, decile: decileValue, domains });
    }
    return once(out, (i) => i.lsoaCode, r.header[lsoa] ?? '', r.problems, 'LSOA');
  },
  postcodes(r, rows) {
    const postcode = r.column('postcode', COLUMNS.postcode);
    const ward = findColumnOf(r, COLUMNS.wardCode);
    const lsoa = findColumnOf(r, COLUMNS.lsoaCode);
    const easting = findColumnOf(r, COLUMNS.easting);
    const northing = findColumnOf(r, COLUMNS.northing);
    const longitude = findColumnOf(r, COLUMNS.longitude);
    const latitude = findColumnOf(r, COLUMNS.latitude);
    const grid = easting >= 0 && northing >= 0;
    const degrees = longitude >= 0 && latitude >= 0;
    if (ward < 0 && lsoa < 0 && !grid && !degrees)
      r.problems.push({
        row: 1,
        column: 'ward code',
        message: 'The header has no ward code, LSOA code, Eastings/Northings or Longitude/Latitude columns',
      });
    if (r.problems.length) return [];
    const out: PostcodeRecord[] = [];
    for (const { row, cells } of rows) {
      const text = r.cell(cells, postcode).toUpperCase().replace(/\s+/g, '');
      const sector = postcodeSector(text);
      if (!sector || text.length < 5) {
        r.problems.push({ row, column: r.header[postcode] ?? '', message: `${r.cell(cells, postcode) || 'It is empty'}: give a full UK postcode` });
        continue;
      }
      const wardCode =
        ward >= 0 && r.cell(cells, ward) ? r.code(row, cells, ward, r.header[ward] ?? '', WARD_CODE, 'a ward code (E05...)') : undefined;
      const lsoaCode =
        lsoa >= 0 && r.cell(cells, lsoa) ? r.code(row, cells, lsoa, r.header[lsoa] ?? '', LSOA_CODE, 'an LSOA code (E01...)') : undefined;
      const point = pointOf(r, row, cells, grid ? { easting, northing } : undefined, degrees ? { longitude, latitude } : undefined);
      if (point === false) continue;
      out.push({
        row,
        postcode: `${text.slice(0, -3)} ${text.slice(-3)}`,
        sector,
        wardOnsCode: wardCode ?? null,
        lsoaCode: lsoaCode ?? null,
        longitude: point?.[0] ?? null,
        latitude: point?.[1] ?? null,
      });
    }
    return once(out, (p) => p.postcode, r.header[postcode] ?? '', r.problems, 'Postcode');
  },
};

const findColumnOf = (r: Reading, names: ColumnNames) => findColumn(r.header, names);
const allOr = (text: string) => (ALL.has(text.toLowerCase().replace(/[^a-z]/g, '')) ? 'all' : text);

/** The row's point as [longitude, latitude]; undefined when it has none; false (with a problem) when it is wrong. */
function pointOf(
  r: Reading,
  row: number,
  cells: string[],
  grid: { easting: number; northing: number } | undefined,
  degrees: { longitude: number; latitude: number } | undefined,
): [number, number] | undefined | false {
  if (grid && (r.cell(cells, grid.easting) || r.cell(cells, grid.northing))) {
    const e = Number(r.cell(cells, grid.easting));
    const n = Number(r.cell(cells, grid.northing));
    if (!inNationalGrid(e, n) || (e === 0 && n === 0)) {
      r.problems.push({
        row,
        column: r.header[grid.easting] ?? '',
        message: `(${r.cell(cells, grid.easting)}, ${r.cell(cells, grid.northing)}) is not a British National Grid easting and northing in the UK`,
      });
      return false;
    }
    return gridToLongitudeLatitude(e, n);
  }
  if (degrees && (r.cell(cells, degrees.longitude) || r.cell(cells, degrees.latitude))) {
    const lon = Number(r.cell(cells, degrees.longitude));
    const lat = Number(r.cell(cells, degrees.latitude));
    if (!inUnitedKingdom(lon, lat)) {
      r.problems.push({
        row,
        column: r.header[degrees.longitude] ?? '',
        message: `(${r.cell(cells, degrees.longitude)}, ${r.cell(cells, degrees.latitude)}) is not a longitude and latitude in the UK`,
      });
      return false;
    }
    return [lon, lat];
  }
  return undefined;
}
