import { z } from 'zod';
/** The analysis operation under /api/v1, from the schema its route parses and the analysis JSON's own schema (docs/analysis.md). */
import type { ApiOperation } from '../platform/openApi.js';
import { analysisRequest, crossTabRequest } from './schema.js';

const freshnessSchema = z.object({
  source: z.enum(['primary', 'replica']).meta({ description: 'replica when DATABASE_READ_URL is set' }),
  lagSeconds: z.number().nullable().meta({ description: 'how far behind the replica was (0: up to date; null: unknown)' }),
  readAt: z.string().meta({ description: 'when the freshness was read (ISO 8601)' }),
});

import { analysisResultSchema, crossTabResultSchema } from './types.js';

/** Who may not have results, as both operations answer them. */
const refusals = {
  401: { description: 'Not signed in (code unauthenticated)', body: 'error' },
  403: { description: 'Results not visible to this user yet (code forbidden)', body: 'error' },
  404: { description: 'No such consultation (code not_found)', body: 'error' },
} as const;

export const analysisApi: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/consultations/{id}/analysis',
    summary: 'Survey analysis: every question with base, counts, percentages and 95% intervals, plus the headline indicators',
    description:
      "Analysts and admins always; other staff per the consultation's results visibility. The same JSON as `saferplan analyse ID --format json`. See docs/analysis.md.",
    session: true,
    request: analysisRequest,
    responses: {
      200: { description: 'The analysis, and how fresh the data it read was', body: analysisResultSchema.extend({ freshness: freshnessSchema }) },
      ...refusals,
      422: { description: 'A filter names an unknown question or answer, or the margins cannot be used', body: 'error' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/consultations/{id}/crosstab',
    summary: 'A cross-tab: one question by one breakdown, with column percentages, intervals, weighted figures and the test',
    description:
      "Who may see it, the filters, `suppressBelow` and the weighting (`margins` with `weighted=on`; `weighted=on` alone uses the partnership's saved margins) are the analysis's. Full precision; the dashboard shows the same figures rounded. The same JSON as `saferplan analyse ID --crosstab QUESTION --by BREAKDOWN --format json`. See docs/analysis.md.",
    session: true,
    request: crossTabRequest,
    responses: {
      200: { description: 'The cross-tab', body: crossTabResultSchema },
      ...refusals,
      422: {
        description:
          'No question or breakdown given, a question that cannot be cross-tabulated, a breakdown the survey does not ask, a bad filter, or margins that cannot be used',
        body: 'error',
      },
    },
  },
];
