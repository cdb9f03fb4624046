import { describe, expect, it } from 'vitest';
import { forceOfFileName, kindOfHeader } from './formats.js';
import { readRow } from './rows.js';

describe('police.uk rows', () => {
  it('recognises each layout by its header and names what a wrong one lacks', () => {
    expect(kindOfHeader(['Month', 'Reported by', 'Falls within', 'Easting', 'Northing', 'Location', 'Crime type', 'Context'])).toEqual({
      kind: 'street-2011',
    });
    expect(kindOfHeader(['Name', 'Age'])).toEqual({
      message: 'The header is not one of police.uk\'s street, outcomes or stop and search headers (it starts "Name", "Age")',
    });
    expect(forceOfFileName('zips/2024-01/2024-01-west-midlands-stop-and-search.csv')).toBe('west-midlands');
  });

  it('converts a 2011 grid reference to longitude and latitude (Thimbler Road, Coventry)', () => {
    expect(
      readRow('street-2011', [
        '2011-02',
        'West Midlands Police',
        'West Midlands Police',
        '430060.0',
        '277242.0',
        'On or near Thimbler Road',
        'Violent crime',
        '',
      ]),
    ).toEqual({
      kind: 'street',
      crimeId: null,
      month: '2011-02',
      force: 'West Midlands Police',
      point: { longitude: -1.559695, latitude: 52.392381 },
      location: 'On or near Thimbler Road',
      lsoaCode: null,
      category: 'Violent crime',
      lastOutcome: null,
    });
  });

  it('keeps a row with no location as a record with no point, and rejects an outcome without its Crime ID', () => {
    const noPoint = readRow('street', [
      'abc',
      '2016-01',
      'City of London Police',
      'City of London Police',
      '',
      '',
      'No Location',
      '',
      '',
      'Other theft',
      'Under investigation',
      '',
    ]);
    expect(noPoint).toMatchObject({ point: null, lsoaCode: null, crimeId: 'abc', lastOutcome: 'Under investigation' });
    expect(readRow('outcomes', ['', '2016-01', 'a', 'b', '', '', '', '', '', 'Suspect charged'])).toEqual({
      column: 'Crime ID',
      message: 'It is empty: an outcome needs the Crime ID it belongs to',
    });
  });

  it('reads a stop and search with its month from the date', () => {
    const row = readRow('stop-and-search', [
      'Person search',
      '2024-01-05T14:20:00+00:00',
      'False',
      '',
      '52.4',
      '-1.5',
      'Male',
      '18-24',
      'White',
      'White',
      'Misuse of Drugs Act 1971 (section 23)',
      'Controlled drugs',
      'A no further action disposal',
      'False',
      'False',
    ]);
    expect(row).toMatchObject({
      kind: 'stop-and-search',
      month: '2024-01',
      point: { longitude: -1.5, latitude: 52.4 },
      objectOfSearch: 'Controlled drugs',
    });
  });

  it('names a cell holding NUL as a damaged row, which PostgreSQL could not store (found by the properties)', () => {
    expect(readRow('street', ['', '2024-01', 'Force', 'Force', '', '', '', '', '', 'Burglary', 'Under\u0000investigation', ''])).toEqual({
      column: 'Last outcome category',
      message: 'The cell holds a NUL character, so the file is damaged',
    });
  });
});
