// No staff page, API, download or command of one partnership reads or changes another's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildConsultation, buildPartnership, buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { parsePrintedRoutes, registeredRoutes, routePattern } from '../../test-support/registeredRoutes.js';
import { runCli } from '../../test-support/runCli.js';
import { PROBES, PUBLIC_ROUTES, sendProbe } from '../../test-support/tenancyProbes.js';
import { buildTenantB, everythingOf, type TenantB } from '../../test-support/tenantB.js';
import { ROLES, type Role } from '../accounts/roles.js';
import type { Consultation } from '../consultations/index.js';

describe('registeredRoutes', () => {
  it("reads Fastify's printed route tree back into method and pattern", () => {
    const printed = [
      '└── / (GET, HEAD)',
      '    ├── * (HEAD, GET)',
      '    ├── api/v1/partnerships (GET, HEAD)',
      '    │   └── /:pid/consultations (GET, HEAD)',
      '    └── staff (GET, HEAD)',
      '        ├── /partnerships/:id|:pid (GET, HEAD)',
      '        │   └── /consultations (GET, HEAD)',
      '        └── /consultations/:id (GET, HEAD)',
      '            └── /stage (POST)',
    ].join('\n');
    expect(parsePrintedRoutes(printed).filter((r) => r.method !== 'HEAD')).toEqual([
      { method: 'GET', url: '/' },
      { method: 'GET', url: '/*' },
      { method: 'GET', url: '/api/v1/partnerships' },
      { method: 'GET', url: '/api/v1/partnerships/:_/consultations' },
      { method: 'GET', url: '/staff' },
      { method: 'GET', url: '/staff/partnerships/:_' },
      { method: 'GET', url: '/staff/partnerships/:_/consultations' },
      { method: 'GET', url: '/staff/consultations/:_' },
      { method: 'POST', url: '/staff/consultations/:_/stage' },
    ]);
  });
});

describeEachEngine('tenant isolation', ({ handle, target }) => {
  let server: TestServer;
  let a: BuiltPartnership;
  let aConsultation: Consultation;
  let b: TenantB;
  const staffOfA = new Map<Role, { client: HttpClient; csrf: string }>();
  let adminOfB: { client: HttpClient; csrf: string };

  beforeAll(async () => {
    const { db } = handle();
    server = await startTestServer(handle(), { signInRateLimit: 0, submissionRateLimit: 0 });
    a = await buildPartnership({ db, name: 'Alphaton Community Safety Partnership', wards: ['Abbey', 'Ashford'] });
    aConsultation = await buildConsultation({ db, partnershipId: a.id, stage: 'open', title: 'Alphaton crime survey' });
    const { b: built, admin } = await buildTenantB({ handle: handle(), server });
    b = built;
    adminOfB = { client: admin.client, csrf: await admin.client.csrfFrom('/staff') };
    for (const role of ROLES) {
      const { client } = await buildUser({ db, role, partnershipId: a.id, server });
      staffOfA.set(role, { client, csrf: await client.csrfFrom('/staff') });
    }
  });
  afterAll(() => server.close());

  /** What would show that an answer is about B. */
  const marksOfB = () => [b.partnership.id, b.partnership.name, b.adminEmail, b.crime.id, b.crime.title, b.members.id, b.members.title, b.draft.id];

  it('has an isolation probe for every staff route the app answers, and a reason for every other route', () => {
    const covered = new Set([...PROBES.map((p) => p.route), ...Object.keys(PUBLIC_ROUTES)].map(routePattern));
    const answered = registeredRoutes(server.app).map((r) => `${r.method} ${r.url}`);
    expect(answered.length).toBeGreaterThan(40);
    expect(answered.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !answered.includes(r))).toEqual([]);
  });

  it("refuses every role of partnership A every staff page, API and download of B's, and changes nothing of B's", async () => {
    const before = await everythingOf(handle().db, b.partnership.id);
    const failures: string[] = [];
    for (const [role, { client, csrf }] of staffOfA) {
      for (const probe of PROBES) {
        const method = probe.route.split(' ')[0] ?? 'GET';
        const request = probe.request(b);
        const answer = await sendProbe(client, csrf, method, request);
        const leaked = marksOfB().filter((mark) => answer.body.includes(mark));
        const refused = [403, 404].includes(answer.status) && ['forbidden', 'not_found'].includes(answer.code ?? '');
        if (probe.kind === 'refused' && !refused) failures.push(`${role}: ${method} ${request.path} -> ${answer.status} ${answer.code ?? ''}`);
        if (answer.status >= 500 || answer.code === 'csrf_invalid')
          failures.push(`${role}: ${method} ${request.path} -> ${answer.status} ${answer.code}`);
        if (leaked.length) failures.push(`${role}: ${method} ${request.path} shows ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await everythingOf(handle().db, b.partnership.id)).toEqual(before);
  });

  it("lets B's own admin through every one of those requests, so each refusal above is the partnership check", async () => {
    const failures: string[] = [];
    for (const probe of PROBES) {
      const method = probe.route.split(' ')[0] ?? 'GET';
      const request = probe.request(b);
      const answer = await sendProbe(adminOfB.client, adminOfB.csrf, method, request);
      if (answer.status >= 400) failures.push(`${method} ${request.path} -> ${answer.status} ${answer.code ?? answer.problem ?? ''}`);
      if (probe.kind === 'scoped' && method === 'GET' && !marksOfB().some((mark) => answer.body.includes(mark)))
        failures.push(`${method} ${request.path} does not show B to B's admin`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps A's elected members and admins out of B's members' survey", async () => {
    const first = `/p/${b.partnership.slug}/${b.members.slug}/questions/${b.builder.pageCode}`;
    for (const role of ['admin', 'member'] as const) {
      const res = await staffOfA.get(role)?.client.get(first);
      expect(res?.status).toBe(403);
      expect(await res?.text()).toContain('This survey is for elected members');
    }
  });

  it("lists only the chosen partnership's consultations with consultation list --partnership", async () => {
    const json = await runCli(['--db', target(), 'consultation', 'list', '--format', 'json', '--partnership', a.slug]);
    expect(json.stderr).toBe('');
    expect((JSON.parse(json.stdout) as { id: string }[]).map((c) => c.id)).toEqual([aConsultation.id]);
    const table = await runCli(['--db', target(), 'consultation', 'list', '--partnership', b.partnership.id]);
    expect(table.code).toBe(0);
    for (const c of [b.crime, b.members, b.draft]) expect(table.stdout).toContain(c.id);
    expect(table.stdout).not.toContain(aConsultation.id);
  }, 120_000);
});
