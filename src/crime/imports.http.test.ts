// Importing police.uk files from the browser: officers upload (a background import with a progress page), other roles
// and other partnerships may not; files that are not CSV or ZIP are refused, naming them; the import's summary is shown.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { type BuiltPartnership, buildPartnership, buildUser } from '../../test-support/factories.js';
import type { HttpClient, TestServer } from '../../test-support/httpClient.js';
import { startTestServer } from '../../test-support/httpClient.js';
import { ROLES } from '../accounts/roles.js';
import { REPOSITORY_ROOT } from '../platform/repositoryPaths.js';

const STREET = path.join(REPOSITORY_ROOT, 'fixtures/police-uk/city-of-london/2016-01-city-of-london-street.csv');

describeEachEngine('recorded crime imports in the browser', ({ handle }) => {
  let server: TestServer;
  let p: BuiltPartnership;
  const clients = new Map<string, HttpClient>();
  const list = () => `/staff/partnerships/${p.id}/crime/imports`;
  const upload = async (client: HttpClient, files: [string, string][]) => {
    const csrf = await client.csrfFrom(list());
    const form = new FormData();
    for (const [name, text] of files) form.append('files', new Blob([text], { type: 'text/csv' }), name);
    return client.postMultipart(`${list()}?_csrf=${encodeURIComponent(csrf)}`, form);
  };

  beforeAll(async () => {
    server = await startTestServer(handle(), { signInRateLimit: 0 });
    p = await buildPartnership({ db: handle().db, wards: [] });
    for (const role of ROLES) clients.set(role, (await buildUser({ db: handle().db, role, partnershipId: p.id, server })).client);
  });
  afterAll(() => server.close());

  it('runs an officer’s upload in the background and shows its summary', async () => {
    const analyst = clients.get('analyst') as HttpClient;
    const started = await upload(analyst, [['2016-01-city-of-london-street.csv', fs.readFileSync(STREET, 'utf8')]]);
    expect(started.status).toBe(303);
    const at = started.headers.get('location') as string;
    expect(at).toMatch(new RegExp(`^/staff/partnerships/${p.id}/crime/imports/[0-9a-f-]{36}$`));
    let html = '';
    for (let i = 0; i < 100 && !html.includes('Imported'); i++) {
      html = await (await analyst.get(at)).text();
      if (!html.includes('Recorded crime import: Imported')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(html).toContain('Recorded crime import: Imported');
    expect(html).toContain('Read 446 rows from 1 file; imported 446.');
    expect(html).toContain('2016-01-city-of-london-street.csv');
    const listed = await (await clients.get('viewer')?.get(list()))?.text();
    expect(listed).toContain('Imports, newest first');
    expect(listed).not.toContain('Upload police.uk files');
  });

  it('refuses files that are not CSV or ZIP, naming them, and every role but officers', async () => {
    const admin = clients.get('admin') as HttpClient;
    const wrong = await upload(admin, [['notes.docx', 'hello']]);
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('notes.docx is not a .csv or .zip file');
    for (const role of ['partner', 'member', 'viewer'])
      expect((await upload(clients.get(role) as HttpClient, [['a.csv', 'x']])).status, role).toBe(403);
    const imports = await handle().db.selectFrom('crime_imports').select('status').where('partnership_id', '=', p.id).execute();
    expect(imports).toEqual([{ status: 'done' }]);
  });
});
