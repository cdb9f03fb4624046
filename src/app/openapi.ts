import { errorBodySchema } from '../platform/errorBody.js';
import { type ApiOperation, buildOpenApiDocument } from '../platform/openApi.js';
import { CAPABILITIES } from './capabilities.js';

let document: Promise<ReturnType<typeof buildOpenApiDocument>> | undefined;

/** The OpenAPI description of /api/v1, generated once from every capability's operations and their zod schemas. */
export function openApiDocument() {
  document ??= (async () => {
    const operations: ApiOperation[] = [];
    for (const capability of CAPABILITIES) operations.push(...((await capability.openApi?.()) ?? []));
    return buildOpenApiDocument(operations, errorBodySchema);
  })();
  return document;
}
