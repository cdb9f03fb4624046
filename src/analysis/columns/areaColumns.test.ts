import { describe, expect, it } from 'vitest';
import { crimeSurveyTemplate } from '../../surveys/templates/crimeSurvey.js';
import { breakdownFor } from '../crossTab.js';
import { buildResponseTable } from '../responseTable.js';
import { areaLookupOf } from './areaColumns.js';

const WARDS = [
  { code: 'north', name: 'North' },
  { code: 'south', name: 'South' },
];

describe('breakdowns from the postcode table', () => {
  const areas = areaLookupOf([
    { sector: 'CV1 2', wardCode: 'north', imdDecile: 1, postcodes: 30 },
    { sector: 'CV1 2', wardCode: 'south', imdDecile: 6, postcodes: 10 },
    { sector: 'CV3 5', wardCode: 'south', imdDecile: 9, postcodes: 12 },
    { sector: 'CV3 5', wardCode: 'north', imdDecile: 4, postcodes: 12 },
  ]);

  it('gives each sector the ward with most of its postcodes and its most common deprivation quintile (ties to the first)', () => {
    expect([...areas.wardOfSector]).toEqual([
      ['CV1 2', 'north'],
      ['CV3 5', 'north'],
    ]);
    expect([...areas.quintileOfSector]).toEqual([
      ['CV1 2', 1],
      ['CV3 5', 2],
    ]);
  });

  it('adds the ward given or from the postcode, and the deprivation quintile, as breakdowns, not as questions', () => {
    const table = buildResponseTable(
      crimeSurveyTemplate(),
      [{ ward: 'south', postcode: 'CV1 2' }, { postcode: 'CV1 2' }, { postcode: 'CV3 5' }, { postcode: 'CV9 9' }, {}],
      WARDS,
      areas,
    );
    expect(table.columns.some((c) => c.column.code === 'area_ward')).toBe(false);
    const ward = breakdownFor(table, 'area_ward', undefined);
    expect(ward?.levels.map((l) => l.value)).toEqual(['north', 'south']);
    expect([...(ward?.codes ?? [])]).toEqual([1, 0, 0, -1, -1]);
    const quintile = breakdownFor(table, 'deprivation_quintile', undefined);
    expect([...(quintile?.codes ?? [])]).toEqual([0, 0, 1, -1, -1]);
    // Without a postcode table there are no such breakdowns.
    expect(breakdownFor(buildResponseTable(crimeSurveyTemplate(), [{}], WARDS), 'area_ward', undefined)).toBeUndefined();
  });
});
