/**
 * Where a record belongs in the partnership's area (docs/crime.md): its point placed in an LSOA (or a ward) by the
 * partnership's boundaries; without boundaries, its LSOA code looked up among the partnership's LSOAs. A record
 * elsewhere is outside (counted, not kept); one with neither point nor LSOA cannot be placed (counted, not kept). A
 * partnership with no geography keeps everything, with the record's own LSOA code, and is told its area is not set.
 * Pure: built from the partnership's geography, no I/O.
 */
import type { AreaIndex } from '../geography/index.js';
import type { Point } from './policeUk/rows.js';

export interface PartnershipArea {
  /** Over the partnership's LSOA boundaries (codes are its LSOAs); absent without them. */
  lsoaIndex?: AreaIndex;
  /** Over its ward boundaries (codes are ONS ward codes); absent without them. */
  wardIndex?: AreaIndex;
  /** Its LSOAs and each one's ward (its own ward code). */
  lsoaWards: ReadonlyMap<string, string | null>;
  /** ONS ward code -> its own ward code. */
  wardOfOnsCode: ReadonlyMap<string, string>;
}

export type Placement =
  | { status: 'placed'; lsoa: string | null; ward: string | null }
  | { status: 'outside' }
  | { status: 'not-placed' }
  | { status: 'area-not-set'; lsoa: string | null };

export class Placer {
  constructor(private readonly area: PartnershipArea) {}

  /** Whether the partnership has any geography to place records in. */
  get areaSet(): boolean {
    return Boolean(this.area.lsoaIndex || this.area.wardIndex || this.area.lsoaWards.size > 0);
  }

  place(point: Point | null, lsoaCode: string | null): Placement {
    if (!this.areaSet) return { status: 'area-not-set', lsoa: lsoaCode };
    const { lsoaIndex, wardIndex, lsoaWards } = this.area;
    if (point && lsoaIndex) {
      const lsoa = lsoaIndex.place(point.longitude, point.latitude);
      if (lsoa) return { status: 'placed', lsoa, ward: lsoaWards.get(lsoa) ?? this.wardAt(point) };
    }
    if (point && wardIndex && !lsoaIndex) {
      const ward = this.wardAt(point);
      if (ward) return { status: 'placed', lsoa: lsoaCode && lsoaWards.has(lsoaCode) ? lsoaCode : null, ward };
    }
    if (point && (lsoaIndex || wardIndex)) return { status: 'outside' };
    if (lsoaCode)
      return lsoaWards.has(lsoaCode) ? { status: 'placed', lsoa: lsoaCode, ward: lsoaWards.get(lsoaCode) ?? null } : { status: 'outside' };
    return { status: 'not-placed' };
  }

  private wardAt(point: Point): string | null {
    const ons = this.area.wardIndex?.place(point.longitude, point.latitude);
    return ons ? (this.area.wardOfOnsCode.get(ons) ?? null) : null;
  }
}
