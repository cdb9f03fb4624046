/** The partnership operations under /api/v1, from the schemas their routes answer with. */

import { z } from 'zod';
import type { ApiOperation } from '../platform/openApi.js';
import { partnershipSchema } from './presentPartnership.js';

export const partnershipApi: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/partnerships',
    summary: 'Partnerships the signed-in user belongs to (the same JSON as saferplan partnership list --format json)',
    session: true,
    responses: {
      200: { description: 'By name', body: z.object({ partnerships: z.array(partnershipSchema) }) },
      401: { description: 'Not signed in (code unauthenticated)', body: 'error' },
    },
  },
];
