/**
 * A generated council fly-tipping dataset for the demo (labelled demo data): reports on real postcodes of the
 * partnership, more where the LSOA is more deprived, with a summer peak, as a partner's CSV (date, type, postcode).
 * Pure and seeded.
 */
import { mulberry32 } from '../../platform/mulberry32.js';

export const DEMO_FLY_TIPPING = 'Fly-tipping reports (demo data, generated)';
export const FLY_TIPPING_HEADER = 'Report date,Type,Postcode';

export function flyTippingCsv(o: {
  postcodes: readonly { postcode: string; imdDecile: number | null }[];
  months: readonly string[];
  perMonth: number;
  seed: number;
}): string {
  const random = mulberry32(o.seed);
  const weights = o.postcodes.map((p) => 1 + (10 - (p.imdDecile ?? 5)) * 0.4);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  for (const w of weights) cumulative.push((cumulative.at(-1) ?? 0) + w / total);
  const lines = [FLY_TIPPING_HEADER];
  for (const month of o.months) {
    const season = 1 + 0.2 * Math.sin(((Number(month.slice(5, 7)) - 4) / 12) * 2 * Math.PI);
    const count = Math.round(o.perMonth * season);
    for (let i = 0; i < count; i++) {
      const u = random();
      const at = cumulative.findIndex((c) => u < c);
      const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
      lines.push(`${day}/${month.slice(5, 7)}/${month.slice(0, 4)},Fly-tipping,${o.postcodes[Math.max(0, at)]?.postcode ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
