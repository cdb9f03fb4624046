/**
 * The OpenAPI description of the JSON API, generated from the zod schemas the routes parse requests with and the
 * presenters shape responses with (z.toJSONSchema), so the document cannot drift from the code.
 */
import { z } from 'zod';

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** One API operation: the route's own request schema and a schema (or the shared error) for each answer. */
export interface ApiOperation {
  method: 'get' | 'post';
  /** In OpenAPI form: /api/v1/consultations/{id}/responses. */
  path: string;
  summary: string;
  description?: string;
  /** Signed-in staff only, through the session cookie. */
  session?: boolean;
  /** The schema the route parses with parseRequest: params, query and headers are its parameters, body its request body. */
  request?: z.ZodObject;
  responses: Record<number, { description: string; body?: z.ZodType | 'error' }>;
}

const REQUEST_PARTS = { params: 'path', query: 'query', headers: 'header' } as const;

/** Schemas as JSON Schema; named ones (.meta({ id })) are kept once, as components, and referred to. */
class SchemaSet {
  readonly components: Record<string, JsonSchema> = {};

  add(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
    for (const [id, def] of Object.entries($defs ?? {})) this.components[id] = toComponentRefs(def);
    return toComponentRefs(json);
  }
}

function toComponentRefs<T>(json: T): T {
  if (Array.isArray(json)) return json.map(toComponentRefs) as T;
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '#/components/schemas/') : toComponentRefs(value),
    ]),
  ) as T;
}

function parameters(set: SchemaSet, request: z.ZodObject | undefined) {
  const out: Record<string, unknown>[] = [];
  for (const [part, where] of Object.entries(REQUEST_PARTS)) {
    const schema = request?.shape[part];
    if (!schema) continue;
    const json = set.add(schema, 'input');
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      if (typeof property === 'boolean') continue;
      const { description, ...propertySchema } = property;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  return out;
}

const jsonContent = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ERROR_REF = { $ref: '#/components/schemas/Error' };

function operation(set: SchemaSet, op: ApiOperation) {
  const body = op.request?.shape.body as z.ZodType | undefined;
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.session ? { security: [{ session: [] }] } : {}),
    parameters: parameters(set, op.request),
    ...(body ? { requestBody: { required: true, content: jsonContent(set.add(body, 'input')) } } : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.body === 'error'
            ? { content: jsonContent(ERROR_REF) }
            : response.body
              ? { content: jsonContent(set.add(response.body, 'output')) }
              : {}),
        },
      ]),
    ),
  };
}

/** The whole document: every operation under its path, the error body and the named schemas as components. */
export function buildOpenApiDocument(operations: readonly ApiOperation[], errorBody: z.ZodType) {
  const set = new SchemaSet();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation(set, op);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'SaferPlan API', version: '1', description: 'Staff endpoints use the signed-in session cookie.' },
    components: {
      schemas: { Error: set.add(errorBody, 'output'), ...set.components },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'saferplan.sid' } },
    },
    paths,
  };
}
