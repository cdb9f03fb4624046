/**
 * The breakdowns that need geography (docs/analysis.md): each respondent's ward as they gave it or, when they did not,
 * from their postcode sector (the ward holding most of the sector's postcodes); and the deprivation quintile of their
 * sector (from the IMD deciles of the LSOAs its postcodes lie in: the most common, deciles 1-2 being quintile 1).
 * Worked out as the answers are encoded, from the partnership's postcode table. Pure.
 */
import type { Column, SurveyOption, Ward } from '../../surveys/index.js';
import type { ColumnSlot } from './layout.js';

export interface AreaLookup {
  /** Postcode sector ("CV1 2") -> the partnership's ward code. */
  wardOfSector: ReadonlyMap<string, string>;
  /** Postcode sector -> IMD quintile, 1 = most deprived fifth of England. */
  quintileOfSector: ReadonlyMap<string, number>;
}

export const AREA_WARD = 'area_ward';
export const DEPRIVATION = 'deprivation_quintile';

const QUINTILES: SurveyOption[] = [1, 2, 3, 4, 5].map((q) => ({
  value: String(q),
  label: q === 1 ? '1 (most deprived fifth)' : q === 5 ? '5 (least deprived fifth)' : String(q),
}));

const column = (code: string, label: string, type: 'ward' | 'single_choice'): Column =>
  ({ code, label, type, question: { code, type, label, required: false, options: [] } }) as unknown as Column;

export function areaSlots(columns: readonly Column[], wards: readonly Ward[], areas: AreaLookup): ColumnSlot[] {
  const hasWard = columns.some((c) => c.code === 'ward' && c.type === 'ward');
  const hasPostcode = columns.some((c) => c.code === 'postcode');
  if (!hasPostcode || areas.wardOfSector.size === 0) return [];
  const sectorOf = (answers: Record<string, unknown>) => (typeof answers.postcode === 'string' ? answers.postcode : null);
  const wardOptions = wards.map((w) => ({ value: w.code, label: w.name }));
  const slots: ColumnSlot[] = [
    {
      column: column(AREA_WARD, 'Ward (given, or from postcode)', 'ward'),
      kind: 'choice',
      options: wardOptions,
      index: new Map(wardOptions.map((o, i) => [o.value, i])),
      derive: (answers) => {
        const given = hasWard && typeof answers.ward === 'string' && answers.ward ? answers.ward : null;
        const sector = sectorOf(answers);
        return given ?? (sector ? (areas.wardOfSector.get(sector) ?? null) : null);
      },
    },
  ];
  if (areas.quintileOfSector.size > 0)
    slots.push({
      column: column(DEPRIVATION, 'Deprivation quintile (from postcode)', 'single_choice'),
      kind: 'choice',
      options: QUINTILES,
      index: new Map(QUINTILES.map((o, i) => [o.value, i])),
      derive: (answers) => {
        const sector = sectorOf(answers);
        const q = sector ? areas.quintileOfSector.get(sector) : undefined;
        return q === undefined ? null : String(q);
      },
    });
  return slots;
}

/** From the postcode table's counts by sector: each sector's ward (most postcodes) and quintile (most common). */
export function areaLookupOf(rows: readonly { sector: string; wardCode: string | null; imdDecile: number | null; postcodes: number }[]): AreaLookup {
  const most = new Map<string, Map<string, number>>();
  const quintiles = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.wardCode) {
      const m = most.get(r.sector) ?? new Map<string, number>();
      most.set(r.sector, m.set(r.wardCode, (m.get(r.wardCode) ?? 0) + r.postcodes));
    }
    if (r.imdDecile) {
      const q = Math.ceil(r.imdDecile / 2);
      const m = quintiles.get(r.sector) ?? new Map<number, number>();
      quintiles.set(r.sector, m.set(q, (m.get(q) ?? 0) + r.postcodes));
    }
  }
  // Ties go to the first in code order, so the same table always gives the same answer.
  const top = <K extends string | number>(m: Map<K, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))[0]?.[0] as K;
  return {
    wardOfSector: new Map([...most].sort(([a], [b]) => a.localeCompare(b)).map(([sector, m]) => [sector, top(m)])),
    quintileOfSector: new Map([...quintiles].sort(([a], [b]) => a.localeCompare(b)).map(([sector, m]) => [sector, top(m)])),
  };
}
