/** The analysis operation under /api/v1, from the schema its route parses and the analysis JSON's own schema (docs/analysis.md). */
import type { ApiOperation } from '../platform/openApi.js';
import { analysisRequest } from './schema.js';
import { analysisResultSchema } from './types.js';

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
      200: { description: 'The analysis', body: analysisResultSchema },
      401: { description: 'Not signed in (code unauthenticated)', body: 'error' },
      403: { description: 'Results not visible to this user yet (code forbidden)', body: 'error' },
      404: { description: 'No such consultation (code not_found)', body: 'error' },
      422: { description: 'A filter names an unknown question or answer, or the margins cannot be used', body: 'error' },
    },
  },
];
