import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { hugeSharedStrings, sheetXml, workbookParts, writeZip } from '../../test-support/xlsxFiles.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD } from '../partnerships/demo/coventry.js';

// 40 shared strings of 10 million characters: 400 MB unpacked from a file of a few hundred kilobytes. Cached whole,
// as the importer once did, they exhaust the 256 MB heap the server is given here, and the process dies.
const STRINGS = 40;
const LENGTH = 10_000_000;

describe('an XLSX compression bomb uploaded to a server with a 256 MB heap', () => {
  let dir: string;
  let dbPath: string;
  let consultationId: string;
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bomb-'));
    dbPath = path.join(dir, 'bomb.sqlite');
    const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
    await migrateToLatest(handle);
    ({ consultationId } = await openConsultation(handle));
    await handle.close();
    const port = await freePort();
    server = await spawnServer(dbPath, port, { NODE_OPTIONS: '--max-old-space-size=256' });
    url = `http://127.0.0.1:${port}`;
  }, 120_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is refused with a message naming the over-long cell, stores nothing, and the server still answers', { timeout: 120_000 }, async () => {
    const bomb = path.join(dir, 'bomb.xlsx');
    const cells = Array.from({ length: STRINGS }, (_, i) => `<c r="B${i + 2}" t="s"><v>${i}</v></c>`);
    writeZip(
      bomb,
      workbookParts(
        sheetXml([
          '<c r="A1" t="inlineStr"><is><t>ward</t></is></c><c r="B1" t="inlineStr"><is><t>feel_safer</t></is></c>',
          ...cells.map((c, i) => `<c r="A${i + 2}" t="inlineStr"><is><t>earlsdon</t></is></c>${c}`),
        ]),
        hugeSharedStrings(STRINGS, LENGTH),
      ),
    );
    expect(fs.statSync(bomb).size).toBeLessThan(5 * 1_048_576);

    const analyst = new HttpClient(url);
    await analyst.signIn('analyst@saferplan.demo', DEMO_PASSWORD);
    const importPage = `/staff/consultations/${consultationId}/import`;
    const _csrf = await analyst.csrfFrom(importPage);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(bomb)]), 'bomb.xlsx');
    const res = await analyst.postMultipart(`${importPage}?_csrf=${encodeURIComponent(_csrf)}`, form);

    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Row 2, column B: the cell holds more than 10,000 characters');
    expect(server.exitCode).toBeNull();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const db = new SQLite(dbPath, { readonly: true });
    try {
      expect(db.prepare('select count(*) as n from responses').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
