/** Agreement between the first coding and the blind second coding, theme by theme and overall: pure. */
import { agreementTable, cohensKappa, type KappaResult, pooledKappa } from '../stats/index.js';
import type { Theme } from './queries/listThemes.js';
import type { UnitState } from './queries/unitStates.js';

export interface ThemeAgreement extends KappaResult {
  theme: Pick<Theme, 'id' | 'code' | 'name'>;
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

export interface Agreement {
  /** Sampled units both coders have saved. */
  units: number;
  themes: ThemeAgreement[];
  overall: KappaResult;
}

const saved = (s: UnitState | undefined) => !!s && (s.reviewedAt !== null || s.themeIds.length > 0);

/** Over the sampled units coded in both passes: each theme's 2x2 table and kappa, and the pooled kappa. */
export function agreement(
  themes: readonly Theme[],
  sample: ReadonlySet<string>,
  primary: ReadonlyMap<string, UnitState>,
  blind: ReadonlyMap<string, UnitState>,
): Agreement {
  const units = [...sample].filter((u) => saved(primary.get(u)) && saved(blind.get(u))).sort();
  const given = (states: ReadonlyMap<string, UnitState>, themeId: string) => new Set(units.filter((u) => states.get(u)?.themeIds.includes(themeId)));
  const rows = themes.map((t) => {
    const table = agreementTable(units, given(primary, t.id), given(blind, t.id));
    return { theme: { id: t.id, code: t.code, name: t.name }, ...table, ...cohensKappa(table) };
  });
  // Themes neither coder used in the sample say nothing about agreement: left out of the pooled figure and the table.
  const used = rows.filter((r) => r.both + r.firstOnly + r.secondOnly > 0);
  return { units: units.length, themes: used, overall: pooledKappa(used) };
}
