/** The sample's profile beside the population's, per margin variable, with the largest gaps named. Pure. */
import type { ResponseTable } from './responseTable.js';
import type { ResolvedMargin } from './weighting.js';

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

export function representativeness(table: ResponseTable, margins: readonly ResolvedMargin[]): Representativeness {
  const variables = margins.map(({ variable, column, categories }) => {
    const categoryOf = new Int32Array(column.options.length).fill(-1);
    categories.forEach((c, k) => {
      categoryOf[c.option] = k;
    });
    const counts = new Float64Array(categories.length);
    let notCovered = 0;
    for (let i = 0; i < table.n; i++) {
      const answer = column.codes[i] as number;
      const k = answer >= 0 ? (categoryOf[answer] as number) : -1;
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
      else notCovered++;
    }
    const sampleTotal = table.n - notCovered;
    const popTotal = categories.reduce((s, p) => s + p.population, 0);
    const rows = categories.map((p, k) => {
      const c = counts[k] as number;
      const samplePercent = sampleTotal > 0 ? (c / sampleTotal) * 100 : null;
      const populationPercent = popTotal > 0 ? (p.population / popTotal) * 100 : 0;
      return {
        value: p.value,
        label: p.label,
        sampleCount: c,
        samplePercent,
        populationPercent,
        gapPoints: samplePercent === null ? null : samplePercent - populationPercent,
      };
    });
    return { variable, label: column.column.label, rows, notCovered };
  });
  const largestGaps = variables
    .flatMap((v) =>
      v.rows.filter((r) => r.gapPoints !== null).map((r) => ({ variable: v.variable, label: r.label, gapPoints: r.gapPoints as number })),
    )
    .sort((a, b) => Math.abs(b.gapPoints) - Math.abs(a.gapPoints))
    .slice(0, 3);
  return { variables, largestGaps };
}
