/** The margins box's starting text: the partnership's saved margins, else its wards' populations, else nothing. Pure. */
import { csvLine } from '../platform/csvSafe.js';

export type MarginsSource = 'saved' | 'census' | 'population' | 'none';

export function marginsText(
  saved: readonly { variable: string; value: string; population: number }[],
  wards: readonly { name: string; population: number; source?: 'census' | 'lsoas' }[],
): { text: string; source: MarginsSource } {
  const lines = (rows: readonly (readonly [string, string, number])[]) =>
    [csvLine(['variable', 'value', 'population']), ...rows.map((r) => csvLine(r))].join('').replace(/\r\n/g, '\n').trimEnd();
  if (saved.length > 0) return { text: lines(saved.map((m) => [m.variable, m.value, m.population] as const)), source: 'saved' };
  if (wards.length > 0)
    return {
      text: lines(wards.map((w) => ['ward', w.name, w.population] as const)),
      source: wards[0]?.source === 'census' ? 'census' : 'population',
    };
  return { text: '', source: 'none' };
}
