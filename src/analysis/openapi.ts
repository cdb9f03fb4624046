/** The OpenAPI entry for GET /api/v1/consultations/{id}/analysis (docs/analysis.md describes every field). */
const num = { type: ['number', 'null'] };
const interval = { type: ['array', 'null'], items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[low, high], 0-100' };
const option = {
  type: 'object',
  required: ['value', 'label', 'count', 'percent', 'ci95'],
  properties: {
    value: { type: 'string' },
    label: { type: 'string' },
    count: { type: ['integer', 'null'], description: 'null when the base is too small to publish' },
    percent: { ...num, description: '0-100, unrounded' },
    ci95: interval,
    weightedCount: num,
    weightedPercent: num,
    se: { ...num, description: 'standard error of weightedPercent, 0-100 units' },
    weightedCi95: interval,
    meanRank: num,
    rankedBy: num,
  },
};
const question = {
  type: 'object',
  required: ['code', 'label', 'type', 'base', 'options', 'nonSubstantive'],
  properties: {
    code: { type: 'string' },
    label: { type: 'string' },
    type: { type: 'string' },
    grid: { type: 'object', properties: { code: { type: 'string' }, label: { type: 'string' }, rowLabel: { type: 'string' } } },
    base: {
      type: 'object',
      properties: {
        n: { type: 'integer' },
        description: { type: 'string', examples: ["Base: all who answered, excluding don't know, n = 652"] },
        status: { enum: ['ok', 'small', 'suppressed'] },
        small: { type: 'boolean' },
        suppressed: { type: 'boolean' },
        weightedN: num,
        designEffect: num,
        effectiveSampleSize: num,
      },
    },
    answered: { type: 'integer' },
    notAnswered: { type: 'integer' },
    options: { type: 'array', items: option },
    nonSubstantive: { type: 'array', items: option },
    mean: num,
    note: { type: 'string' },
  },
};

const analysisOpenApiPath = {
  get: {
    summary: 'Survey analysis: every question with base, counts, percentages and 95% intervals, plus the headline indicators',
    description:
      "Analysts and admins always; other staff per the consultation's results visibility. The same JSON as `saferplan analyse ID --format json`. See docs/analysis.md.",
    security: [{ session: [] }],
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ...['ward', 'age_band', 'sex', 'channel'].map((name) => ({
        name,
        in: 'query',
        required: false,
        schema: { type: 'string' },
        description: `only respondents whose ${name} answer is this option value`,
      })),
      { name: 'suppressBelow', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 10 } },
    ],
    responses: {
      200: {
        description: 'The analysis',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['n', 'weighted', 'questions', 'indicators'],
              properties: {
                n: { type: 'integer', description: 'respondents within the filters' },
                totalResponses: { type: 'integer' },
                weighted: { type: 'boolean' },
                weighting: { type: ['object', 'null'] },
                filters: { type: 'object', additionalProperties: { type: 'string' } },
                rules: { type: 'object', properties: { flagBelow: { type: 'integer' }, suppressBelow: { type: 'integer' } } },
                questions: { type: 'array', items: question },
                indicators: {
                  type: ['object', 'null'],
                  description: 'crime-survey template only: safety (with McNemar), asb, topConcerns, victimisation, benchmarks',
                },
              },
            },
          },
        },
      },
      401: { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      403: {
        description: 'Results not visible to this user yet',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      422: {
        description: 'A filter names an unknown question or answer',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  },
};

/** The OpenAPI path items of the analysis routes under /api/v1. */
export function analysisOpenApiPaths() {
  return { '/api/v1/consultations/{id}/analysis': analysisOpenApiPath };
}
