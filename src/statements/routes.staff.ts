/** The admins' forms for their partnership's accessibility statement and privacy notice (each change audited). */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, notFound } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { loadStatement } from './queries/loadStatement.js';
import { saveStatement } from './saveStatement.js';
import { editPageRequest, editRequest, enteredFields } from './schema.js';
import type { StatementKind } from './statementKinds.js';
import { editAccessibilityPage, editPrivacyPage } from './viewModels.js';

const FORMS = {
  accessibility: { path: 'accessibility-statement', view: 'statements/views/edit-accessibility.njk', page: editAccessibilityPage },
  privacy: { path: 'privacy-notice', view: 'statements/views/edit-privacy.njk', page: editPrivacyPage },
} as const;

export async function statementStaffRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  async function adminOf(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'partnership:settings', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }

  for (const kind of Object.keys(FORMS) as StatementKind[]) {
    const form = FORMS[kind];
    const render = (state: Parameters<typeof form.page>[0], values: Record<string, unknown>) =>
      kind === 'accessibility' ? editAccessibilityPage(state, values) : editPrivacyPage(state, values);

    app.get(`/staff/partnerships/:id/${form.path}`, async (request, reply) => {
      const { params, query } = parseRequest(editPageRequest, request);
      const { partnership } = await adminOf(request.user, params.id);
      const { statement } = await loadStatement(db, partnership, kind);
      return reply.view(form.view, render({ partnership, fields: [], saved: query.saved === '1' }, statement));
    });

    app.post(`/staff/partnerships/:id/${form.path}`, async (request, reply) => {
      const { params, body } = parseRequest(editRequest, request);
      const { principal, partnership } = await adminOf(request.user, params.id);
      const fields = enteredFields(body);
      const saved = await attempt(['validation_failed'], () =>
        saveStatement({ db, actor: actorOf(principal), partnershipId: partnership.id, kind, fields }),
      );
      if (saved.ok) return reply.redirect(`/staff/partnerships/${partnership.id}/${form.path}?saved=1`, 303);
      return reply.status(422).view(form.view, render({ partnership, fields: saved.error.fields, saved: false }, { ...fields, ...body }));
    });
  }
}
