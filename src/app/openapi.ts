/** The OpenAPI description of /api/v1; each capability adds its paths here as it adds routes. */
export function openApiDocument() {
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
    paths: {
      '/api/v1/partnerships': {
        get: {
          summary: 'Partnerships the signed-in user belongs to',
          security: [{ session: [] }],
          responses: {
            '200': { description: 'The partnerships', content: { 'application/json': { schema: { type: 'object', properties: { partnerships: { type: 'array', items: { type: 'object' } } } } } } },
            '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
    },
  };
}
