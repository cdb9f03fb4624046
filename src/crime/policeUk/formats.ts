/**
 * The police.uk file layouts (data.police.uk/about), recognised by their header exactly as published: street-level
 * crime (the current layout, and the 2011 one with British National Grid eastings and northings and no LSOA),
 * outcomes, and stop and search. Pure.
 */
export type PoliceUkKind = 'street' | 'street-2011' | 'outcomes' | 'stop-and-search';

export const HEADERS: Record<PoliceUkKind, readonly string[]> = {
  street: [
    'Crime ID',
    'Month',
    'Reported by',
    'Falls within',
    'Longitude',
    'Latitude',
    'Location',
    'LSOA code',
    'LSOA name',
    'Crime type',
    'Last outcome category',
    'Context',
  ],
  'street-2011': ['Month', 'Reported by', 'Falls within', 'Easting', 'Northing', 'Location', 'Crime type', 'Context'],
  outcomes: ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Outcome type'],
  'stop-and-search': [
    'Type',
    'Date',
    'Part of a policing operation',
    'Policing operation',
    'Latitude',
    'Longitude',
    'Gender',
    'Age range',
    'Self-defined ethnicity',
    'Officer-defined ethnicity',
    'Legislation',
    'Object of search',
    'Outcome',
    'Outcome linked to object of search',
    'Removal of more than just outer clothing',
  ],
};

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((h, i) => h === b[i]);

/** The layout whose header this is, or a message naming what is wrong with it. */
export function kindOfHeader(header: readonly string[]): { kind: PoliceUkKind } | { message: string } {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  for (const [kind, expected] of Object.entries(HEADERS) as [PoliceUkKind, readonly string[]][]) if (same(cells, expected)) return { kind };
  // Older stop and search files lack the last columns; recognise them by their first.
  if (cells[0] === 'Type' && cells[1] === 'Date' && cells.includes('Latitude')) return { kind: 'stop-and-search' };
  const closest = (Object.entries(HEADERS) as [PoliceUkKind, readonly string[]][])
    .map(([kind, expected]) => ({ kind, missing: expected.filter((h) => !cells.includes(h)) }))
    .sort((a, b) => a.missing.length - b.missing.length)[0];
  return {
    message:
      closest && closest.missing.length < 4
        ? `The header is not a police.uk ${closest.kind} header: it has no ${closest.missing.map((m) => `"${m}"`).join(', ')} column${closest.missing.length === 1 ? '' : 's'}`
        : `The header is not one of police.uk's street, outcomes or stop and search headers (it starts ${cells
            .slice(0, 3)
            .map((c) => `"${c}"`)
            .join(', ')})`,
  };
}

/** The force named in a stop and search file's name (`2024-01-west-midlands-stop-and-search.csv` -> "west-midlands"). */
export function forceOfFileName(name: string): string {
  const m = /(\d{4}-\d{2})-(.+?)-(street|outcomes|stop-and-search)\.csv$/i.exec(name.split(/[\\/]/).pop() ?? '');
  return m?.[2] ?? 'unknown force';
}
