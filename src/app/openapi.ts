import { CAPABILITIES } from './capabilities.js';

/** The OpenAPI description of /api/v1: the shared parts here, each capability's paths from its capability.ts. */
export async function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const capability of CAPABILITIES) Object.assign(paths, await capability.openApiPaths?.());
  const error = {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'SaferPlan API', version: '1', description: 'Staff endpoints use the signed-in session cookie.' },
    components: { schemas: { Error: error }, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'saferplan.sid' } } },
    paths,
  };
}
