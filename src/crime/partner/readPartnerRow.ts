/** One row of a partner's file read by its mapping: month, category and location, or the reason it cannot be. Pure. */
import { gridToLongitudeLatitude, inNationalGrid, inUnitedKingdom } from '../../geography/index.js';
import { readUkDateTime } from '../../platform/ukDate.js';
import type { Point } from '../policeUk/rows.js';
import type { MappedColumn, Mapping } from './mapping.js';

export interface PartnerRow {
  month: string;
  category: string;
  point: Point | null;
  lsoaCode: string | null;
  postcode: string | null;
  ward: string | null;
}

export function readPartnerRow(
  mapping: Mapping,
  at: Partial<Record<MappedColumn, number>>,
  cells: readonly string[],
): PartnerRow | { column: string; message: string } {
  const cell = (key: MappedColumn) => (at[key] === undefined ? '' : (cells[at[key] as number] ?? '').trim());
  // PostgreSQL's text cannot hold NUL (SQLite's can): a damaged row is named here rather than failing the import there.
  for (const key of Object.keys(at) as MappedColumn[])
    if (cell(key).includes('\u0000')) return { column: mapping[key] ?? '', message: 'The cell holds a NUL character, so the file is damaged' };
  const dateText = cell('date');
  const month = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(dateText) ? dateText : readUkDateTime(dateText)?.day.slice(0, 7);
  if (!month)
    return { column: mapping.date, message: `${dateText || 'It is empty'}: give a date such as 05/03/2024 or 2024-03-05 (or a month, 2024-03)` };
  const category = mapping.fixedCategory ?? cell('category');
  if (!category) return { column: mapping.category ?? '', message: 'It is empty: give the category' };
  let point: Point | null = null;
  if (cell('longitude') || cell('latitude')) {
    const longitude = Number(cell('longitude'));
    const latitude = Number(cell('latitude'));
    if (!inUnitedKingdom(longitude, latitude))
      return { column: mapping.longitude ?? '', message: `(${cell('longitude')}, ${cell('latitude')}) is not a longitude and latitude in the UK` };
    point = { longitude, latitude };
  } else if (cell('easting') || cell('northing')) {
    const e = Number(cell('easting'));
    const n = Number(cell('northing'));
    if (!inNationalGrid(e, n))
      return {
        column: mapping.easting ?? '',
        message: `(${cell('easting')}, ${cell('northing')}) is not a British National Grid easting and northing in the UK`,
      };
    const [longitude, latitude] = gridToLongitudeLatitude(e, n);
    point = { longitude, latitude };
  }
  const lsoa = cell('lsoa').toUpperCase();
  if (lsoa && !/^[EW]01\d{6}$/.test(lsoa)) return { column: mapping.lsoa ?? '', message: `${lsoa} is not an LSOA code (E01...)` };
  const postcode = cell('postcode').toUpperCase().replace(/\s+/g, '');
  return {
    month,
    category,
    point,
    lsoaCode: lsoa || null,
    postcode: postcode.length >= 5 ? `${postcode.slice(0, -3)} ${postcode.slice(-3)}` : null,
    ward: cell('ward') || null,
  };
}
