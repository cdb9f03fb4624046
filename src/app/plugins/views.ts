import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { can } from '../../accounts/index.js';
import { REPOSITORY_ROOT as ROOT, SOURCE_ROOT as SRC } from '../../platform/repositoryPaths.js';

/** Each capability keeps its views beside it; templates are named "<capability>/<file>.njk". */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([path.join(SRC, 'views'), SRC, path.join(ROOT, 'node_modules/govuk-frontend/dist')], { noCache: false }),
    { autoescape: true, throwOnUndefined: false },
  );
  // Dates, tables and links are prepared by each page's view model: templates only lay them out.
  return env;
}

type ViewContext = object;

/** What every page needs: the signed-in user, a CSRF token for its forms, the CSP nonce and navigation. */
async function pageContext(request: FastifyRequest, reply: FastifyReply, context: ViewContext): Promise<ViewContext> {
  const user = request.user;
  // Pages outside the session context (404s, the public API's rare HTML) have no forms to protect.
  const csrfToken = typeof reply.generateCsrf === 'function' ? reply.generateCsrf() : undefined;
  const link = (href: string, text: string) => ({ href, text, current: href === '/staff' ? request.url === href : request.url.startsWith(href) });
  const navigation = user
    ? [
        link('/staff', 'Staff home'),
        ...(can(user, 'user:manage') ? [link('/staff/users', 'Users')] : []),
        ...(can(user, 'audit:view') ? [link('/staff/audit', 'Audit log')] : []),
      ]
    : [];
  return {
    user,
    csrfToken,
    cspNonce: reply.cspNonce?.script,
    navigation,
    serviceName: user ? 'Staff' : undefined,
    serviceUrl: user ? '/staff' : undefined,
    ...context,
  };
}

export const viewsPlugin = fp(async (app: FastifyInstance) => {
  const env = createViewEnvironment();
  app.decorate('views', env);
  app.decorateReply('view', async function view(this: FastifyReply, template: string, context: ViewContext = {}) {
    const ctx = await pageContext(this.request, this, context);
    const html = await new Promise<string>((resolve, reject) => env.render(template, ctx, (err, out) => (err ? reject(err) : resolve(out ?? ''))));
    return this.type('text/html; charset=utf-8').send(html);
  });
});
