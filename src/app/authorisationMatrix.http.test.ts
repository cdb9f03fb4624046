/**
 * The authorisation matrix (docs/security.md): every staff route and API endpoint, asked by each role of the
 * partnership whose data it names, is allowed or refused as test-support/authorisationMatrix.ts says; another
 * partnership's staff of every role are refused by src/app/tenantIsolation.http.test.ts (the same probes). A route the
 * app answers without an entry here, or in the public list, fails the first test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROUTE_ACCESS, rolesAllowed } from '../../test-support/authorisationMatrix.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { registeredRoutes, routePattern } from '../../test-support/registeredRoutes.js';
import { PROBES, PUBLIC_ROUTES, sendProbe } from '../../test-support/tenancyProbes.js';
import { buildTenantB, type TenantB } from '../../test-support/tenantB.js';
import { ROLES, type Role } from '../accounts/roles.js';

/** Least privileged first, so a refused role runs before an allowed one changes anything. */
const ROLES_UPWARDS = [...ROLES].reverse();

describeEachEngine('authorisation matrix', ({ handle }) => {
  let server: TestServer;
  let b: TenantB;
  const staff = new Map<Role, { client: HttpClient; csrf: string }>();

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0, jobConcurrency: 0 });
    const built = await buildTenantB({ handle: handle(), server });
    b = built.b;
    for (const role of ROLES) {
      const client =
        role === 'admin' ? built.admin.client : (await buildUser({ db: handle().db, role, partnershipId: b.partnership.id, server })).client;
      staff.set(role, { client, csrf: await client.csrfFrom('/staff') });
    }
  }, 240_000);
  afterAll(() => server.close());

  it('has an entry for every staff route the app answers, and none for a route it does not', () => {
    const answered = registeredRoutes(server.app).map((r) => `${r.method} ${r.url}`);
    const publicRoutes = new Set(Object.keys(PUBLIC_ROUTES).map(routePattern));
    const staffRoutes = answered.filter((r) => !publicRoutes.has(r));
    const entries = new Set(Object.keys(ROUTE_ACCESS).map(routePattern));
    expect(staffRoutes.filter((r) => !entries.has(r))).toEqual([]);
    expect([...entries].filter((r) => !staffRoutes.includes(r))).toEqual([]);
  });

  it('allows each role exactly the staff routes its entry names and refuses it the rest with 403', async () => {
    const failures: string[] = [];
    const observed: string[] = [];
    for (const probe of PROBES) {
      const access = ROUTE_ACCESS[probe.route];
      const allowed = access ? rolesAllowed(access, b.partnership.id) : [];
      const method = probe.route.split(' ')[0] ?? 'GET';
      const seen: Role[] = [];
      for (const role of ROLES_UPWARDS) {
        const { client, csrf } = staff.get(role) ?? { client: undefined, csrf: '' };
        if (!client) continue;
        const answer = await sendProbe(client, csrf, method, probe.request(b));
        const refused = answer.status === 403;
        if (!refused) seen.push(role);
        if (answer.status >= 500 || answer.status === 401) failures.push(`${probe.route} as ${role}: ${answer.status}`);
        else if (allowed.includes(role) && refused) failures.push(`${probe.route} as ${role}: refused, but the matrix allows it`);
        else if (!allowed.includes(role) && !refused) failures.push(`${probe.route} as ${role}: ${answer.status}, but the matrix refuses it`);
        else if (allowed.includes(role) && method === 'GET' && answer.status >= 400) failures.push(`${probe.route} as ${role}: ${answer.status}`);
      }
      observed.push(`'${probe.route}': [${seen.map((r) => `'${r}'`).join(', ')}],`);
    }
    if (failures.length && process.env.MATRIX_PRINT) console.log(observed.join('\n'));
    expect(failures).toEqual([]);
  }, 600_000);
});
