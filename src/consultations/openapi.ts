/** The OpenAPI path items of the consultation and response routes under /api/v1. */
export function consultationOpenApiPaths() {
  return {
    '/api/v1/consultations/{id}/responses': {
      post: {
        summary: 'Submit a response (public consultations, while open)',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', maxLength: 200 },
            description: 'A retry with the same key is stored once and answered with the same reference',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                description:
                  'Answers keyed by question code (grid rows by their own codes), or {"answers": {...}}. Multiple choice and ranking as arrays or ";"-separated strings.',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Durably stored',
            content: { 'application/json': { schema: { type: 'object', properties: { reference: { type: 'string' } } } } },
          },
          '409': {
            description: 'The consultation is not open (code not_open)',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '422': {
            description: 'Answers that do not fit the survey, one field error each',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '429': { description: 'Too many submissions from this address' },
        },
      },
      get: {
        summary: 'Stored responses, a page at a time (analysts and admins)',
        security: [{ session: [] }],
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1000 } },
          { name: 'after', in: 'query', schema: { type: 'string' }, description: "The previous page's next value" },
        ],
        responses: {
          '200': { description: '{consultationId, responses: [{reference, channel, submittedAt, surveyVersion, answers}], next}' },
          '401': { description: 'Not signed in' },
          '403': { description: 'Not allowed' },
        },
      },
    },
    '/api/v1/consultations/{id}/survey': {
      get: {
        summary: 'The current survey definition',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{consultationId, version, definition}' }, '404': { description: 'No such consultation' } },
      },
    },
    '/api/v1/partnerships/{id}/consultations': {
      get: {
        summary: "The partnership's consultations",
        security: [{ session: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{consultations: [...]}' } },
      },
    },
  };
}
