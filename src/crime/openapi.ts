/** The recorded crime operations under /api/v1 (docs/crime.md). */
import type { ApiOperation } from '../platform/openApi.js';
import { crimeStatsRequest, crimeStatsSchema } from './schema.js';

const error = (description: string) => ({ description, body: 'error' as const });

export const crimeApi: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/partnerships/{id}/crime',
    summary: 'Recorded crime and ASB by ward, LSOA, month or type, with rates per 1,000 residents (the same JSON as saferplan crime stats)',
    session: true,
    request: crimeStatsRequest,
    responses: {
      200: { description: 'Groups in key order', body: crimeStatsSchema },
      422: error('A groupBy, from, to or type that is not allowed (code validation_failed)'),
      401: error('Not signed in (code unauthenticated)'),
      403: error('Not a member of the partnership (code forbidden)'),
    },
  },
];
