/**
 * How a partner's file maps onto recorded incidents (docs/crime.md): which column holds the date, the category (or
 * one category for the whole dataset), and where it happened (longitude and latitude, eastings and northings, an LSOA
 * code, a postcode or a ward). Saved once per dataset. Pure.
 */
import { z } from 'zod';

const column = z.string().trim().min(1).max(200);

export const mappingSchema = z
  .object({
    date: column,
    category: column.optional(),
    fixedCategory: z.string().trim().min(1).max(200).optional(),
    longitude: column.optional(),
    latitude: column.optional(),
    easting: column.optional(),
    northing: column.optional(),
    lsoa: column.optional(),
    postcode: column.optional(),
    ward: column.optional(),
  })
  .refine((m) => Boolean(m.category) !== Boolean(m.fixedCategory), {
    message: 'Give either the category column or one category for every row',
    path: ['category'],
  })
  .refine((m) => Boolean(m.longitude) === Boolean(m.latitude), { message: 'Give both the longitude and the latitude column', path: ['longitude'] })
  .refine((m) => Boolean(m.easting) === Boolean(m.northing), { message: 'Give both the easting and the northing column', path: ['easting'] })
  .refine((m) => Boolean(m.longitude || m.easting || m.lsoa || m.postcode || m.ward), {
    message: 'Give where each incident happened: longitude and latitude, easting and northing, an LSOA code, a postcode or a ward column',
    path: ['longitude'],
  });

export type Mapping = z.output<typeof mappingSchema>;

const COLUMNS = ['date', 'category', 'longitude', 'latitude', 'easting', 'northing', 'lsoa', 'postcode', 'ward'] as const;
export type MappedColumn = (typeof COLUMNS)[number];

/** Each mapped column's index in the header (case and spacing ignored), or the columns the header lacks. */
export function columnIndexes(
  mapping: Mapping,
  header: readonly string[],
): { indexes: Partial<Record<MappedColumn, number>> } | { missing: string[] } {
  const squash = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const names = header.map(squash);
  const indexes: Partial<Record<MappedColumn, number>> = {};
  const missing: string[] = [];
  for (const key of COLUMNS) {
    const wanted = mapping[key];
    if (!wanted) continue;
    const at = names.indexOf(squash(wanted));
    if (at < 0) missing.push(wanted);
    else indexes[key] = at;
  }
  return missing.length ? { missing } : { indexes };
}
