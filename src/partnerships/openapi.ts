/** The OpenAPI path items of the partnership routes under /api/v1. */
export function partnershipOpenApiPaths() {
  return {
    '/api/v1/partnerships': {
      get: {
        summary: 'Partnerships the signed-in user belongs to',
        security: [{ session: [] }],
        responses: {
          '200': {
            description: 'The partnerships',
            content: {
              'application/json': { schema: { type: 'object', properties: { partnerships: { type: 'array', items: { type: 'object' } } } } },
            },
          },
          '401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
  };
}
