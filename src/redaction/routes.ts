/** The admins' setting for keeping residents' free text as typed, and for how long (each change audited). */
import type { FastifyInstance } from 'fastify';
import { actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Services } from '../app/services.js';
import { findPartnership } from '../partnerships/index.js';
import { attempt, type FieldError, notFound, validationFailed } from '../platform/errors.js';
import { parseRequest } from '../platform/validation.js';
import { MAX_RETENTION_DAYS, setRedactionSettings } from './originals.js';
import { readRedactionSettings } from './queries/redactionSettings.js';
import { enteredSettings, redactionSettingsPageRequest, redactionSettingsRequest } from './schema.js';
import { redactionSettingsPage, redactionSettingsPath } from './viewModels.js';

const VIEW = 'redaction/views/settings.njk';

export async function redactionRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const { db } = services;

  async function adminOf(user: Principal | undefined, id: string) {
    const principal = authorize(user, 'partnership:settings', id);
    const partnership = await findPartnership(db, id);
    if (!partnership) throw notFound('Partnership');
    return { principal, partnership };
  }

  app.get('/staff/partnerships/:id/settings/redaction', async (request, reply) => {
    const { params, query } = parseRequest(redactionSettingsPageRequest, request);
    const { partnership } = await adminOf(request.user, params.id);
    const settings = await readRedactionSettings(db, partnership.id);
    const values = { keepOriginals: settings.keepOriginals ? 'yes' : 'no', retentionDays: String(settings.retentionDays) };
    return reply.view(VIEW, redactionSettingsPage(partnership, values, [], query.saved === '1'));
  });

  app.post('/staff/partnerships/:id/settings/redaction', async (request, reply) => {
    const { params, body } = parseRequest(redactionSettingsRequest, request);
    const { principal, partnership } = await adminOf(request.user, params.id);
    const entered = enteredSettings(body);
    const saved = await attempt(['validation_failed'], async () => {
      const problems: FieldError[] = [];
      if (entered.keepOriginals !== 'yes' && entered.keepOriginals !== 'no')
        problems.push({ field: 'keepOriginals', message: "Select whether to keep residents' text as typed" });
      if (!/^\d{1,4}$/.test(entered.retentionDays))
        problems.push({
          field: 'retentionDays',
          message: `Enter how many days to keep the original text, a whole number from 1 to ${MAX_RETENTION_DAYS}`,
        });
      if (problems.length > 0) throw validationFailed(problems);
      return setRedactionSettings(db, {
        actor: actorOf(principal),
        partnershipId: partnership.id,
        keepOriginals: entered.keepOriginals === 'yes',
        retentionDays: Number(entered.retentionDays),
      });
    });
    if (saved.ok) return reply.redirect(`${redactionSettingsPath(partnership.id)}?saved=1`, 303);
    return reply.status(422).view(VIEW, redactionSettingsPage(partnership, entered, saved.error.fields));
  });
}
