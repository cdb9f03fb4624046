// H1: nothing a request does may end the server process. Runs `saferplan serve` as a user does.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

describe('the server process', () => {
  let dir: string;
  let server: ChildProcess;
  let url: string;
  let user: { email: string; password: string };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-serving-'));
    const dbPath = path.join(dir, 'serving.sqlite');
    const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
    await migrateToLatest(handle);
    user = await buildUser({ db: handle.db, role: 'viewer' });
    await handle.close();
    const port = await freePort();
    server = await spawnServer(dbPath, port, { SIGN_IN_RATE_LIMIT: '0' });
    url = `http://127.0.0.1:${port}`;
  }, 60_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a sign-in whose next has a line break, and keeps serving (the review’s H1)', { timeout: 30_000 }, async () => {
    const client = new HttpClient(url);
    const _csrf = await client.csrfFrom('/sign-in?next=%2Fstaff%0A');
    const res = await client.postForm('/sign-in', { _csrf, email: user.email, password: user.password, next: '/staff\n' });
    // Either the next is refused (a redirect to a safe page) or the bad header fails into the branded 500 page.
    expect([303, 422, 500]).toContain(res.status);
    expect(res.headers.get('location') ?? '').not.toMatch(/[\r\n]/);
    if (res.status === 500) expect(await res.text()).toContain('Sorry, there is a problem with the service');
    expect(server.exitCode).toBeNull();
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
