// Two-step verification through the real app (docs/accounts.md): setting it up (while signing in when required, or
// from the account page), signing in with a code, wrong and replayed codes, recovery codes, the half sign-in that
// opens nothing else, the roles it is required of, an administrator's reset, the rate limits, and who may use each route.
import { generate } from 'otplib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser, TEST_PASSWORD } from '../../test-support/factories.js';
import { HttpClient, startTestServer, type TestServer } from '../../test-support/httpClient.js';
import { registeredRoutes } from '../../test-support/registeredRoutes.js';
import { fromJson } from '../db/columnTypes.js';
import { openSecret } from '../platform/sealedSecret.js';
import { SESSION_COOKIE } from '../platform/sessionCookie.js';
import { ROLES, type Role } from './roles.js';
import { hashRecoveryCode } from './twoStep/recoveryCodes.js';

const SET_UP = '/sign-in/two-step/set-up';
const CODE_PAGE = '/sign-in/two-step';
const ACCOUNT = '/staff/account/two-step';
const SESSION_SECRET = 'two-step-test-session-secret-32-characters';

const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const secretIn = (html: string) => (/<code id="secret-key" class="app-secret-key">([A-Z2-7 ]+)<\/code>/.exec(html)?.[1] ?? '').replace(/ /g, '');
const recoveryCodesIn = (html: string) => [...html.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1] ?? '');
const stepNow = () => Math.floor(Date.now() / 30_000);
const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * 30 });

/** Posts a form with the CSRF token of the page given. */
async function postFrom(client: HttpClient, page: string, path: string, form: Record<string, string>) {
  return client.postForm(path, { _csrf: await client.csrfFrom(page), ...form });
}

describeEachEngine('two-step verification over HTTP', ({ handle }) => {
  let required: TestServer;
  let optional: TestServer;
  let a: BuiltPartnership;
  let b: BuiltPartnership;

  beforeAll(async () => {
    const { db } = handle();
    required = await startTestServer(handle(), { signInRateLimit: 0, twoStep: 'required', sessionSecret: SESSION_SECRET });
    optional = await startTestServer(handle(), { signInRateLimit: 0, twoStep: 'optional', sessionSecret: SESSION_SECRET });
    a = await buildPartnership({ db, name: 'Alphaton Community Safety Partnership' });
    b = await buildPartnership({ db, name: 'Betaford Community Safety Partnership' });
  });
  afterAll(async () => {
    await required.close();
    await optional.close();
  });

  /** The next code the server will accept for the user: a time step after the last one used, and not ahead of now + 1. */
  async function nextCode(userId: string, secret: string): Promise<string> {
    const row = await handle().db.selectFrom('two_step_enrolments').select('last_time_step').where('user_id', '=', userId).executeTakeFirstOrThrow();
    const step = Math.max(Number(row.last_time_step) + 1, stepNow());
    if (step > stepNow() + 1) throw new Error('no code left in this window: the test used too many');
    return codeAt(secret, step);
  }

  /** Sets up two-step verification from the account page of a signed-in client: the secret and the recovery codes. */
  async function enrolFromAccount(client: HttpClient) {
    const page = await (await client.get(`${ACCOUNT}/set-up`)).text();
    const secret = secretIn(page);
    const done = await client.postForm(`${ACCOUNT}/set-up`, { _csrf: csrfIn(page), code: await codeAt(secret, stepNow()) });
    expect(done.status).toBe(200);
    return { secret, recoveryCodes: recoveryCodesIn(await done.text()) };
  }

  /** A user of A who has set up two-step verification (on the optional server, then signed out). */
  async function enrolledUser(role: Role) {
    const user = await buildUser({ db: handle().db, role, partnershipId: a.id, server: optional });
    return { ...user, ...(await enrolFromAccount(user.client)) };
  }

  const auditOf = async (userId: string) =>
    (await handle().db.selectFrom('audit_log').select(['action', 'detail', 'actor_id']).where('entity_id', '=', userId).orderBy('at').execute()).map(
      (e) => ({
        action: e.action,
        detail: fromJson<Record<string, unknown>>(e.detail, {}),
      }),
    );

  it('takes an admin who has not set it up to set-up when required, opens nothing else until done, then signs them in with recovery codes shown once', async () => {
    const { db } = handle();
    const admin = await buildUser({ db, role: 'admin', partnershipId: a.id });
    const client = new HttpClient(required.url);
    const anonymousCookie = client.cookie(SESSION_COOKIE);
    const password = await client.signIn(admin.email, TEST_PASSWORD);
    expect(password.status).toBe(303);
    expect(password.headers.get('location')).toBe(SET_UP);
    const halfCookie = client.cookie(SESSION_COOKIE);
    expect(halfCookie).toBeDefined();
    expect(halfCookie).not.toBe(anonymousCookie);

    // Half signed in: the staff pages send them to sign in, which sends them back to set-up; the API says 401.
    const staff = await client.get('/staff');
    expect(staff.status).toBe(303);
    expect(staff.headers.get('location')).toBe('/sign-in?next=%2Fstaff');
    const signIn = await client.get('/sign-in?next=%2Fstaff');
    expect(signIn.headers.get('location')).toBe(SET_UP);
    expect((await client.get(CODE_PAGE)).headers.get('location')).toBe(SET_UP);
    const api = await client.request('GET', '/api/v1/partnerships', { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const openDoors: string[] = [];
    const _csrf = csrfIn(await (await client.get(SET_UP)).text());
    for (const route of registeredRoutes(required.app)) {
      if (!/^\/(staff|api\/v1\/partnerships)/.test(route.url)) continue;
      const path = route.url.replace(/:_/g, a.id);
      const res = route.method === 'GET' ? await client.get(path) : await client.postForm(path, { _csrf });
      const toSignIn = res.status === 303 && (res.headers.get('location') ?? '').startsWith('/sign-in');
      // Refused in any way (401; 404 where the route looks its record up first) or sent to sign in: nothing opens.
      if (!toSignIn && res.status < 400) openDoors.push(`${route.method} ${path} -> ${res.status}`);
      await res.arrayBuffer();
    }
    expect(openDoors).toEqual([]);

    const page = await client.get(SET_UP);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Administrators and analysts must use two-step verification');
    expect(html).toMatch(/<svg role="img" aria-label="QR code for your authenticator app"/);
    const secret = secretIn(html);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The same secret until it is confirmed, so a reload does not change the QR code being scanned.
    expect(secretIn(await (await client.get(SET_UP)).text())).toBe(secret);

    const wrong = await client.postForm(SET_UP, { _csrf: csrfIn(html), code: await codeAt(secret, stepNow() - 20) });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Enter the code your authenticator app shows now: that code is wrong or was already used');
    const blank = await client.postForm(SET_UP, { _csrf: csrfIn(html), code: '' });
    expect(await blank.text()).toContain('Enter the 6-digit code from your authenticator app');
    expect((await client.get('/staff')).status).toBe(303);

    const done = await client.postForm(SET_UP, { _csrf: csrfIn(html), code: await codeAt(secret, stepNow()) });
    expect(done.status).toBe(200);
    const codesPage = await done.text();
    expect(codesPage).toContain('Two-step verification is set up');
    expect(codesPage).toContain('This is the only time these codes are shown');
    const codes = recoveryCodesIn(codesPage);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(client.cookie(SESSION_COOKIE)).not.toBe(halfCookie);
    expect((await client.get('/staff')).status).toBe(200);
    expect(await (await client.get(ACCOUNT)).text()).not.toContain(codes[0]);

    // At rest: the secret sealed under the session secret, and only the codes' hashes.
    const row = await db.selectFrom('two_step_enrolments').selectAll().where('user_id', '=', admin.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret);
    expect(openSecret(SESSION_SECRET, 'totp-secret', row.secret_sealed)).toBe(secret);
    expect(openSecret('another-session-secret-of-32-characters', 'totp-secret', row.secret_sealed)).toBeUndefined();
    const hashes = (await db.selectFrom('two_step_recovery_codes').select('code_hash').where('user_id', '=', admin.id).execute()).map(
      (r) => r.code_hash,
    );
    expect(hashes.sort()).toEqual(codes.map(hashRecoveryCode).sort());

    const actions = (await auditOf(admin.id)).map((e) => `${e.action} ${JSON.stringify(e.detail)}`);
    expect(actions).toEqual([
      expect.stringContaining('user.create'),
      `session.password-accepted {"email":"${admin.email}","secondStep":"set-up"}`,
      `two-step.failed {"email":"${admin.email}","stage":"set-up"}`,
      `two-step.failed {"email":"${admin.email}","stage":"set-up"}`,
      `two-step.enrol {"email":"${admin.email}"}`,
      `session.sign-in {"email":"${admin.email}","twoStep":"set-up"}`,
    ]);
  });

  it('asks an enrolled user for a code after their password; refuses a wrong code and a replayed one; a right code signs in', async () => {
    const user = await enrolledUser('viewer');
    const client = new HttpClient(optional.url);
    const password = await client.signIn(user.email, TEST_PASSWORD);
    expect(password.headers.get('location')).toBe(CODE_PAGE);
    const halfCookie = client.cookie(SESSION_COOKIE);
    expect((await client.get('/staff')).status).toBe(303);
    expect((await client.get('/sign-in')).headers.get('location')).toBe(CODE_PAGE);
    const page = await (await client.get(CODE_PAGE)).text();
    expect(page).toContain('Enter your two-step verification code');
    const _csrf = csrfIn(page);

    const wrong = await client.postForm(CODE_PAGE, { _csrf, code: await codeAt(user.secret, stepNow() - 20) });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Enter the code your authenticator app shows now: that code is wrong or was already used');
    const malformed = await client.postForm(CODE_PAGE, { _csrf, code: '12 34' });
    expect(await malformed.text()).toContain('The code must be 6 digits, like 123456');
    // The code that confirmed the set-up, in its own time step: used already.
    const { db } = handle();
    const enrolled = await db.selectFrom('two_step_enrolments').select('last_time_step').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const replay = await client.postForm(CODE_PAGE, { _csrf, code: await codeAt(user.secret, Number(enrolled.last_time_step)) });
    expect(replay.status).toBe(422);

    const code = await nextCode(user.id, user.secret);
    const right = await client.postForm(CODE_PAGE, { _csrf, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/staff');
    expect(client.cookie(SESSION_COOKIE)).not.toBe(halfCookie);
    expect((await client.get('/staff')).status).toBe(200);

    // The same code again, from another sign-in: refused.
    const again = new HttpClient(optional.url);
    await again.signIn(user.email, TEST_PASSWORD);
    const replayed = await again.postForm(CODE_PAGE, { _csrf: await again.csrfFrom(CODE_PAGE), code });
    expect(replayed.status).toBe(422);
    expect((await again.get('/staff')).status).toBe(303);

    const actions = (await auditOf(user.id)).map((e) => e.action);
    expect(actions.filter((x) => x === 'two-step.failed')).toHaveLength(4);
    expect((await auditOf(user.id)).filter((e) => e.action === 'session.sign-in').map((e) => e.detail.twoStep)).toEqual([undefined, 'code']);
  });

  it('accepts each recovery code once, in any case and spacing, and makes new ones (the old ones then fail) with the password', async () => {
    const user = await enrolledUser('analyst');
    const [first = '', second = ''] = user.recoveryCodes;
    const client = new HttpClient(optional.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const used = await postFrom(client, CODE_PAGE, CODE_PAGE, { recoveryCode: ` ${first.toUpperCase().replace(/-/g, ' ')} ` });
    expect(used.status).toBe(303);
    expect((await client.get('/staff')).status).toBe(200);
    expect(await (await client.get(ACCOUNT)).text()).toMatch(/Recovery codes left\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*9/);

    const other = new HttpClient(optional.url);
    await other.signIn(user.email, TEST_PASSWORD);
    const twice = await postFrom(other, CODE_PAGE, CODE_PAGE, { recoveryCode: first });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('Enter one of your recovery codes that has not been used');

    const wrongPassword = await postFrom(client, ACCOUNT, `${ACCOUNT}/recovery-codes`, { password: 'not-my-password', code: '' });
    expect(wrongPassword.status).toBe(422);
    expect(await wrongPassword.text()).toContain('Enter your password correctly');
    const remade = await postFrom(client, ACCOUNT, `${ACCOUNT}/recovery-codes`, { password: TEST_PASSWORD, code: '' });
    expect(remade.status).toBe(200);
    const fresh = recoveryCodesIn(await remade.text());
    expect(fresh).toHaveLength(10);
    expect(await postFrom(other, CODE_PAGE, CODE_PAGE, { recoveryCode: second }).then((r) => r.status)).toBe(422);
    expect(await postFrom(other, CODE_PAGE, CODE_PAGE, { recoveryCode: fresh[0] ?? '' }).then((r) => r.status)).toBe(303);

    const audit = await auditOf(user.id);
    expect(audit.filter((e) => e.action === 'two-step.recovery-code-used').map((e) => e.detail.left)).toEqual([9, 9]);
    expect(audit.map((e) => e.action)).toContain('two-step.recovery-codes');
    expect(audit.filter((e) => e.action === 'two-step.failed').map((e) => e.detail.stage)).toEqual(['sign-in', 'recovery-codes', 'sign-in']);
  });

  it('accepts one code sent twice at once only once, and ends a half sign-in left for more than 15 minutes', async () => {
    const { db } = handle();
    const user = await enrolledUser('partner');
    const clients = [new HttpClient(optional.url), new HttpClient(optional.url)];
    const tokens: string[] = [];
    for (const client of clients) {
      await client.signIn(user.email, TEST_PASSWORD);
      tokens.push(await client.csrfFrom(CODE_PAGE));
    }
    const code = await nextCode(user.id, user.secret);
    const answers = await Promise.all(clients.map((client, i) => client.postForm(CODE_PAGE, { _csrf: tokens[i] ?? '', code })));
    expect(answers.map((r) => r.status).sort()).toEqual([303, 422]);

    const late = new HttpClient(optional.url);
    await late.signIn(user.email, TEST_PASSWORD);
    const rows = await db.selectFrom('sessions').select(['id', 'data']).where('data', 'like', '%"twoStep"%').execute();
    for (const row of rows) {
      const data = JSON.parse(row.data) as { twoStep: { startedAt: number } };
      data.twoStep.startedAt -= 16 * 60 * 1000;
      await db
        .updateTable('sessions')
        .set({ data: JSON.stringify(data) })
        .where('id', '=', row.id)
        .execute();
    }
    expect((await late.get(CODE_PAGE)).headers.get('location')).toBe('/sign-in');
    const again = await late.get('/sign-in');
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
  });

  it('lets a user turn it off with their password (then no code is asked) and set it up again with a new secret', async () => {
    const user = await enrolledUser('member');
    const wrong = await postFrom(user.client, ACCOUNT, `${ACCOUNT}/turn-off`, { turnOffPassword: 'not-my-password' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Enter your password correctly');
    const done = await postFrom(user.client, ACCOUNT, `${ACCOUNT}/turn-off`, { turnOffPassword: TEST_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(ACCOUNT);
    expect(await (await user.client.get(ACCOUNT)).text()).toContain('Not set up');
    expect((await new HttpClient(optional.url).signIn(user.email, TEST_PASSWORD)).headers.get('location')).toBe('/staff');
    const audit = await auditOf(user.id);
    expect(audit.filter((e) => e.action.startsWith('two-step.')).map((e) => `${e.action} ${e.detail.stage ?? ''}`)).toEqual([
      'two-step.enrol ',
      'two-step.failed turn-off',
      'two-step.turn-off ',
    ]);
    const again = await enrolFromAccount(user.client);
    expect(again.secret).not.toBe(user.secret);
    expect(again.recoveryCodes).toHaveLength(10);
  });

  it('requires it of administrators and analysts only: other roles sign in with their password alone', async () => {
    const { db } = handle();
    for (const role of ROLES) {
      const user = await buildUser({ db, role, partnershipId: a.id });
      const res = await new HttpClient(required.url).signIn(user.email, TEST_PASSWORD);
      expect(res.headers.get('location'), role).toBe(role === 'admin' || role === 'analyst' ? SET_UP : '/staff');
    }
  });

  it("lets an administrator reset a user of their partnership (signed out, set up again); not another partnership's", async () => {
    const { db } = handle();
    const user = await enrolledUser('analyst');
    const signedIn = new HttpClient(optional.url);
    await signedIn.signIn(user.email, TEST_PASSWORD);
    await postFrom(signedIn, CODE_PAGE, CODE_PAGE, { recoveryCode: user.recoveryCodes[0] ?? '' });
    expect((await signedIn.get('/staff')).status).toBe(200);
    const admin = await buildUser({ db, role: 'admin', partnershipId: a.id, server: optional });
    const adminOfB = await buildUser({ db, role: 'admin', partnershipId: b.id, server: optional });
    const reset = `/staff/users/${user.id}/two-step/reset`;

    const other = await postFrom(adminOfB.client, '/staff', reset, {});
    expect(other.status).toBe(404);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const { client } = await buildUser({ db, role, partnershipId: a.id, server: optional });
      expect((await postFrom(client, '/staff', reset, {})).status, role).toBe(403);
    }
    const anonymous = new HttpClient(optional.url);
    expect((await postFrom(anonymous, '/sign-in', reset, {})).status).toBe(401);
    expect(await db.selectFrom('two_step_enrolments').select('user_id').where('user_id', '=', user.id).execute()).toHaveLength(1);

    expect(await (await admin.client.get(`/staff/users/${user.id}`)).text()).toContain('Reset two-step verification');
    const done = await postFrom(admin.client, `/staff/users/${user.id}`, reset, {});
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/staff/users/${user.id}?changed=two-step`);
    const page = await (await admin.client.get(`/staff/users/${user.id}?changed=two-step`)).text();
    expect(page).toContain('Two-step verification was reset');
    expect(page).toContain('They have not set up two-step verification.');
    expect(await db.selectFrom('two_step_enrolments').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect(await db.selectFrom('two_step_recovery_codes').select('user_id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await signedIn.get('/staff')).status).toBe(303);
    expect((await admin.client.get('/staff')).status).toBe(200);
    const reset2 = (await auditOf(user.id)).filter((e) => e.action === 'two-step.reset');
    expect(reset2.map((e) => e.detail)).toEqual([{ email: user.email, wasSetUp: true }]);
    const audit = await (await admin.client.get(`/staff/audit?subject=user:${user.id}`)).text();
    expect(audit).toContain('Reset the user&#39;s two-step verification');
    expect(audit).toContain('Set up two-step verification');
    expect(audit).toContain('Used a two-step recovery code (9 codes left)');

    // Where it is required, they set it up again at their next sign-in.
    expect((await new HttpClient(required.url).signIn(user.email, TEST_PASSWORD)).headers.get('location')).toBe(SET_UP);
    expect((await new HttpClient(optional.url).signIn(user.email, TEST_PASSWORD)).headers.get('location')).toBe('/staff');
  });

  it('lets every role set it up and see their own page; nobody signed out, and no half sign-in, reaches them', async () => {
    const { db } = handle();
    for (const role of ROLES) {
      const { client } = await buildUser({ db, role, partnershipId: a.id, server: optional });
      const page = await client.get(ACCOUNT);
      expect(page.status, role).toBe(200);
      expect(await page.text()).toContain('Not set up');
      expect((await client.get(`${ACCOUNT}/set-up`)).status, role).toBe(200);
    }
    const anonymous = new HttpClient(optional.url);
    for (const path of [ACCOUNT, `${ACCOUNT}/set-up`])
      expect((await anonymous.get(path)).headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    for (const path of [`${ACCOUNT}/set-up`, `${ACCOUNT}/recovery-codes`])
      expect((await postFrom(anonymous, '/sign-in', path, { code: '123456', password: TEST_PASSWORD })).status).toBe(401);
    // Without a password accepted first, the second step's pages send you to sign in.
    for (const path of [CODE_PAGE, SET_UP]) {
      expect((await anonymous.get(path)).headers.get('location')).toBe('/sign-in');
      expect((await postFrom(anonymous, '/sign-in', path, { code: '123456' })).headers.get('location')).toBe('/sign-in');
    }
    // New recovery codes need it set up first.
    const { client } = await buildUser({ db, role: 'viewer', partnershipId: a.id, server: optional });
    expect((await postFrom(client, ACCOUNT, `${ACCOUNT}/recovery-codes`, { password: TEST_PASSWORD })).status).toBe(409);
    expect((await postFrom(client, ACCOUNT, `${ACCOUNT}/turn-off`, { turnOffPassword: TEST_PASSWORD })).status).toBe(409);
  });

  it('counts wrong codes against the sign-in limits of the account, so codes cannot be guessed', async () => {
    const limited = await startTestServer(handle(), { signInRateLimit: 3, twoStep: 'optional', sessionSecret: SESSION_SECRET });
    try {
      const user = await enrolledUser('viewer');
      const client = new HttpClient(limited.url);
      await client.signIn(user.email, TEST_PASSWORD);
      const _csrf = await client.csrfFrom(CODE_PAGE);
      const statuses: number[] = [];
      // An email in the body does not move the count to another account.
      for (let i = 0; i < 3; i++)
        statuses.push((await client.postForm(CODE_PAGE, { _csrf, code: '000000', email: `x${i}@elsewhere.example` })).status);
      const right = await client.postForm(CODE_PAGE, { _csrf, code: await nextCode(user.id, user.secret) });
      expect([...statuses, right.status]).toEqual([422, 422, 422, 429]);
      // The account's password sign-in is held too.
      expect((await new HttpClient(limited.url).signIn(user.email, TEST_PASSWORD)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
