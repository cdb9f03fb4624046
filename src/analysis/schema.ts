/** Query strings of the analysis API and dashboard: filters, the cross-tab choice, the suppression threshold. */
import { z } from 'zod';
import { formField } from '../platform/validation.js';

const optional = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));

export const FILTER_CODES = ['ward', 'age_band', 'sex', 'channel'] as const;

const filter = (code: string) => optional.meta({ description: `only respondents whose ${code} answer is this option value` });

export const analysisQuerySchema = z.object({
  ward: filter('ward'),
  age_band: filter('age_band'),
  sex: filter('sex'),
  channel: filter('channel'),
  /** Cross-tab: question code and breakdown code (the dashboard and its downloads). */
  xq: optional,
  by: optional,
  suppressBelow: z.coerce.number().int().min(0).max(1000).optional().meta({
    description:
      "suppress figures when the base is under this; at least the partnership's minimum (default 10), except that an admin may go as low as 3",
  }),
  margins: z
    .string()
    // A browser sends each line break in a textarea as CRLF: count it as the one character the box showed.
    .transform((v) => v.replace(/\r\n/g, '\n'))
    .pipe(z.string().max(20_000, 'The margins must be 20,000 characters or fewer'))
    .optional()
    .meta({ description: 'population margins to weight to, CSV variable,value,population (with weighted=on)' }),
  weighted: z.enum(['on']).optional().meta({ description: 'on: rake to the margins' }),
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

/** The weighting choice carried in links and forms. */
export function weightingParams(q: AnalysisQuery): Record<string, string> {
  return q.weighted && q.margins ? { weighted: 'on', margins: q.margins } : {};
}

/** Filters and weighting as a query string (for download links), "" when none. */
export function filterQueryString(params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `?${s}` : '';
}

const consultationParams = z.object({ id: z.string() });
export const analysisRequest = z.object({ params: consultationParams, query: analysisQuerySchema });
const requiredCode = (message: string, description: string) => z.string({ error: message }).trim().min(1, message).max(100).meta({ description });

/** The cross-tab API: the analysis's filters and weighting, with the question and the breakdown required. */
export const crossTabRequest = z.object({
  params: consultationParams,
  query: analysisQuerySchema.extend({
    xq: requiredCode(
      'Give the question to cross-tabulate (xq), a question code such as safe_dark',
      'the question code: single choice, rating-grid row or multiple choice',
    ),
    by: requiredCode(
      'Give the breakdown (by): ward, age_band, sex, ethnic_group, disability or channel',
      'the breakdown: ward, age_band, sex, ethnic_group, disability or channel',
    ),
  }),
});
export const questionAnalysisRequest = z.object({ params: consultationParams.extend({ code: z.string() }), query: analysisQuerySchema });

/** The partnership's saved margins page and its form (the margins themselves are checked by saveMargins). */
export const marginsPageRequest = z.object({ params: consultationParams, query: z.object({ saved: z.enum(['1']).optional() }) });
export const marginsFormRequest = z.object({ params: consultationParams, body: z.object({ margins: formField }) });
