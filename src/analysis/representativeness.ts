/** The sample's profile beside the population's, per margin variable, with the largest gaps named. Pure. */
import { choiceColumn, type ResponseTable } from './responseTable.js';
import type { MarginsTable } from './weighting.js';

export interface ProfileRow {
  value: string;
  label: string;
  sampleCount: number;
  /** % of respondents with one of the margin's categories (0-100). */
  samplePercent: number | null;
  populationPercent: number;
  /** sample minus population, percentage points. */
  gapPoints: number | null;
}

export interface Representativeness {
  variables: { variable: string; label: string; rows: ProfileRow[]; notCovered: number }[];
  /** The three largest gaps over every variable, largest first. */
  largestGaps: { variable: string; label: string; gapPoints: number }[];
}

export function representativeness(table: ResponseTable, margins: MarginsTable): Representativeness {
  const variables = [...margins].map(([variable, population]) => {
    const col = choiceColumn(table, variable);
    const counts = new Map<string, number>(population.map((p) => [p.value, 0]));
    let notCovered = 0;
    if (col) {
      for (let i = 0; i < table.n; i++) {
        const k = col.codes[i] as number;
        const v = k >= 0 ? col.options[k]?.value : undefined;
        if (v !== undefined && counts.has(v)) counts.set(v, (counts.get(v) as number) + 1);
        else notCovered++;
      }
    } else notCovered = table.n;
    const sampleTotal = [...counts.values()].reduce((s, c) => s + c, 0);
    const popTotal = population.reduce((s, p) => s + p.population, 0);
    const rows = population.map((p) => {
      const c = counts.get(p.value) as number;
      const samplePercent = sampleTotal > 0 ? (c / sampleTotal) * 100 : null;
      const populationPercent = popTotal > 0 ? (p.population / popTotal) * 100 : 0;
      return {
        value: p.value,
        label: col?.options.find((o) => o.value === p.value)?.label ?? p.value,
        sampleCount: c,
        samplePercent,
        populationPercent,
        gapPoints: samplePercent === null ? null : samplePercent - populationPercent,
      };
    });
    return { variable, label: col?.column.label ?? variable, rows, notCovered };
  });
  const largestGaps = variables
    .flatMap((v) =>
      v.rows.filter((r) => r.gapPoints !== null).map((r) => ({ variable: v.variable, label: r.label, gapPoints: r.gapPoints as number })),
    )
    .sort((a, b) => Math.abs(b.gapPoints) - Math.abs(a.gapPoints))
    .slice(0, 3);
  return { variables, largestGaps };
}
