/** Query strings of the analysis API and dashboard: filters, the cross-tab choice, the suppression threshold. */
import { z } from 'zod';

const optional = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));

export const FILTER_CODES = ['ward', 'age_band', 'sex', 'channel'] as const;

export const analysisQuerySchema = z.object({
  ward: optional,
  age_band: optional,
  sex: optional,
  channel: optional,
  /** Cross-tab: question code and breakdown code. */
  xq: optional,
  by: optional,
  suppressBelow: z.coerce.number().int().min(0).max(1000).optional(),
});
export type AnalysisQuery = z.output<typeof analysisQuerySchema>;

export function filtersOf(q: AnalysisQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const code of FILTER_CODES) {
    const v = q[code];
    if (v) out[code] = v;
  }
  return out;
}

/** The filters as a query string (for download links), "" when none. */
export function filterQueryString(filters: Record<string, string>): string {
  const s = new URLSearchParams(filters).toString();
  return s ? `?${s}` : '';
}
