/**
 * One police.uk row read into a record, or the reason it cannot be: a truncated row, a month that is not YYYY-MM,
 * coordinates outside the United Kingdom, a malformed LSOA code. Rows without coordinates are records with no point
 * (police.uk publishes some); ASB rows have no Crime ID and are each their own incident. Pure.
 */
import { gridToLongitudeLatitude, inNationalGrid, inUnitedKingdom } from '../../geography/index.js';
import { HEADERS, type PoliceUkKind } from './formats.js';

export interface Point {
  longitude: number;
  latitude: number;
}

export interface StreetRow {
  kind: 'street';
  crimeId: string | null;
  month: string;
  force: string;
  point: Point | null;
  location: string;
  lsoaCode: string | null;
  category: string;
  lastOutcome: string | null;
}

export interface OutcomeRow {
  kind: 'outcome';
  crimeId: string;
  month: string;
  force: string;
  point: Point | null;
  lsoaCode: string | null;
  outcome: string;
}

export interface StopSearchRow {
  kind: 'stop-and-search';
  month: string;
  occurredAt: string;
  point: Point | null;
  type: string;
  gender: string;
  ageRange: string;
  officerEthnicity: string;
  legislation: string;
  objectOfSearch: string;
  outcome: string;
}

export type PoliceUkRow = StreetRow | OutcomeRow | StopSearchRow;
export interface RowProblem {
  column: string;
  message: string;
}

const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
const LSOA = /^[EW]01\d{6}$/;
const DATE = /^((19|20)\d{2}-(0[1-9]|1[0-2]))-\d{2}T\d{2}:\d{2}(:\d{2})?/;

export function readRow(kind: PoliceUkKind, cells: readonly string[]): PoliceUkRow | RowProblem {
  const expected = HEADERS[kind];
  if (kind !== 'stop-and-search' && cells.length < expected.length)
    return { column: expected[cells.length] ?? '', message: `The row is cut short: it has ${cells.length} of ${expected.length} columns` };
  const at = (i: number) => (cells[i] ?? '').trim();
  // PostgreSQL's text cannot hold NUL (SQLite's can): a damaged row is named here rather than failing the import there.
  const nul = cells.slice(0, expected.length).findIndex((c) => c.includes('\u0000'));
  if (nul >= 0) return { column: expected[nul] as string, message: 'The cell holds a NUL character, so the file is damaged' };
  switch (kind) {
    case 'street':
    case 'outcomes': {
      const month = at(1);
      if (!MONTH.test(month)) return { column: 'Month', message: `${month || 'It is empty'}: give the month as YYYY-MM` };
      const point = degrees(at(4), at(5));
      if (point === false) return { column: 'Longitude', message: `(${at(4)}, ${at(5)}) is not a longitude and latitude in the UK` };
      const lsoaCode = at(7) || null;
      if (lsoaCode && !LSOA.test(lsoaCode)) return { column: 'LSOA code', message: `${lsoaCode} is not an LSOA code (E01... or W01...)` };
      if (kind === 'outcomes') {
        if (!at(0)) return { column: 'Crime ID', message: 'It is empty: an outcome needs the Crime ID it belongs to' };
        if (!at(9)) return { column: 'Outcome type', message: 'It is empty: give the outcome' };
        return { kind: 'outcome', crimeId: at(0), month, force: at(2), point, lsoaCode, outcome: at(9) };
      }
      if (!at(9)) return { column: 'Crime type', message: 'It is empty: give the crime type' };
      return {
        kind: 'street',
        crimeId: at(0) || null,
        month,
        force: at(2),
        point,
        location: at(6),
        lsoaCode,
        category: at(9),
        lastOutcome: at(10) || null,
      };
    }
    case 'street-2011': {
      const month = at(0);
      if (!MONTH.test(month)) return { column: 'Month', message: `${month || 'It is empty'}: give the month as YYYY-MM` };
      let point: Point | null = null;
      if (at(3) || at(4)) {
        const e = Number(at(3));
        const n = Number(at(4));
        if (!inNationalGrid(e, n) || (e === 0 && n === 0))
          return { column: 'Easting', message: `(${at(3)}, ${at(4)}) is not a British National Grid easting and northing in the UK` };
        const [longitude, latitude] = gridToLongitudeLatitude(e, n);
        point = { longitude, latitude };
      }
      if (!at(6)) return { column: 'Crime type', message: 'It is empty: give the crime type' };
      return { kind: 'street', crimeId: null, month, force: at(1), point, location: at(5), lsoaCode: null, category: at(6), lastOutcome: null };
    }
    case 'stop-and-search': {
      const date = DATE.exec(at(1));
      if (!date) return { column: 'Date', message: `${at(1) || 'It is empty'}: give the date and time as YYYY-MM-DDTHH:MM` };
      const point = degrees(at(5), at(4));
      if (point === false) return { column: 'Latitude', message: `(${at(5)}, ${at(4)}) is not a longitude and latitude in the UK` };
      return {
        kind: 'stop-and-search',
        month: date[1] as string,
        occurredAt: at(1),
        point,
        type: at(0),
        gender: at(6),
        ageRange: at(7),
        officerEthnicity: at(9),
        legislation: at(10),
        objectOfSearch: at(11),
        outcome: at(12),
      };
    }
  }
}

/** A point from longitude and latitude text: null when both are empty, false when they are not a point in the UK. */
function degrees(longitudeText: string, latitudeText: string): Point | null | false {
  if (!longitudeText && !latitudeText) return null;
  const longitude = Number(longitudeText);
  const latitude = Number(latitudeText);
  return longitudeText && latitudeText && inUnitedKingdom(longitude, latitude) ? { longitude, latitude } : false;
}
