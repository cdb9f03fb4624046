/** The responses capability's /api/v1 operations (for the OpenAPI document). */
import type { ApiOperation } from '../platform/openApi.js';
import { managedResponseSchema } from './manage/presentManagedResponse.js';
import { apiResponseRequest } from './manage/schema.js';

const error = (description: string) => ({ description, body: 'error' as const });

export const responsesApi: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/consultations/{id}/responses/{reference}',
    summary: 'One response by its reference, withdrawn or not, with the answers its corrections replaced (analysts and admins)',
    session: true,
    request: apiResponseRequest,
    responses: {
      200: { description: 'The response', body: managedResponseSchema },
      401: error('Not signed in (code unauthenticated)'),
      403: error('Not allowed, or not in this partnership (code forbidden)'),
      404: error('No such consultation or response (code not_found)'),
    },
  },
];
