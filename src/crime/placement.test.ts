import { describe, expect, it } from 'vitest';
import { AreaIndex } from '../geography/index.js';
import { Placer } from './placement.js';

const square = (code: string, west: number, south: number) => ({
  feature: 1,
  code,
  name: code,
  polygons: [
    [
      [
        [west, south],
        [west + 1, south],
        [west + 1, south + 1],
        [west, south + 1],
        [west, south],
      ],
    ],
  ] as [number, number][][][],
  bbox: [west, south, west + 1, south + 1] as [number, number, number, number],
});

describe('Placer', () => {
  const lsoaWards = new Map([
    ['E01000001', 'north'],
    ['E01000002', null],
  ]);
  it('places by LSOA boundaries, then by the record’s LSOA code; elsewhere is outside; nothing to go on is not placed', () => {
    const placer = new Placer({ lsoaIndex: new AreaIndex([square('E01000001', 0, 50)]), lsoaWards, wardOfOnsCode: new Map() });
    expect(placer.place({ longitude: 0.5, latitude: 50.5 }, 'E09999999')).toEqual({ status: 'placed', lsoa: 'E01000001', ward: 'north' });
    expect(placer.place({ longitude: 3, latitude: 50.5 }, 'E01000001')).toEqual({ status: 'outside' });
    expect(placer.place(null, 'E01000002')).toEqual({ status: 'placed', lsoa: 'E01000002', ward: null });
    expect(placer.place(null, 'E01000003')).toEqual({ status: 'outside' });
    expect(placer.place(null, null)).toEqual({ status: 'not-placed' });
  });

  it('places by ward boundaries alone, and keeps everything when the area is not set', () => {
    const wards = new Placer({
      wardIndex: new AreaIndex([square('E05000001', 0, 50)]),
      lsoaWards: new Map(),
      wardOfOnsCode: new Map([['E05000001', 'north']]),
    });
    expect(wards.place({ longitude: 0.5, latitude: 50.5 }, 'E01000001')).toEqual({ status: 'placed', lsoa: null, ward: 'north' });
    const none = new Placer({ lsoaWards: new Map(), wardOfOnsCode: new Map() });
    expect(none.areaSet).toBe(false);
    expect(none.place(null, 'E01000001')).toEqual({ status: 'area-not-set', lsoa: 'E01000001' });
  });
});
