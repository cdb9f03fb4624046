import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildUser } from '../../test-support/factories.js';
import { HttpClient } from '../../test-support/httpClient.js';
import { createScratchDatabase } from '../../test-support/postgres.js';
import { runCli } from '../../test-support/runCli.js';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { openDatabase } from '../db/database.js';

/** Many clients submitting responses to the real server until stopped; the references it acknowledged, in order. */
function submissionLoad(url: string, clients: number) {
  const acknowledged: string[] = [];
  let stopped = false;
  const running = Array.from({ length: clients }, async () => {
    while (!stopped) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID_CRIME_ANSWERS) });
      if (res.status === 201) acknowledged.push((await res.json()).reference);
      else throw new Error(`submission refused: ${res.status} ${await res.text()}`);
    }
  });
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachEngine('saferplan backup during a submission load, then restore', (ctx) => {
  let dir: string;
  let consultationId: string;
  let analystEmail: string;
  let password: string;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-backup-'));
    const opened = await openConsultation(ctx.handle());
    consultationId = opened.consultationId;
    const analyst = await buildUser({ db: ctx.handle().db, role: 'analyst', partnershipId: opened.partnershipId });
    analystEmail = analyst.email;
    password = analyst.password;
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const extension = ctx.engine === 'sqlite' ? 'sqlite' : 'dump';
  const responsesUrl = (port: number) => `http://127.0.0.1:${port}/api/v1/consultations/${consultationId}/responses`;
  const targetOf = (target: string) =>
    ctx.engine === 'sqlite' ? ({ kind: 'sqlite', path: target } as const) : ({ kind: 'postgres', url: target } as const);
  /** A new, empty database: a SQLite path not yet created, or a PostgreSQL scratch database. */
  async function freshTarget(name: string): Promise<string> {
    if (ctx.engine === 'sqlite') return path.join(dir, `${name}.sqlite`);
    const scratch = await createScratchDatabase();
    cleanups.push(scratch.drop);
    return scratch.url;
  }
  async function storedReferences(target: string): Promise<Set<string>> {
    const handle = await openDatabase(targetOf(target));
    try {
      const rows = await handle.db.selectFrom('responses').select('reference').where('consultation_id', '=', consultationId).execute();
      return new Set(rows.map((r) => r.reference));
    } finally {
      await handle.close();
    }
  }

  it('keeps every response acknowledged before the backup began, and the restored database serves them', { timeout: 120_000 }, async () => {
    const out = path.join(dir, `under-load.${extension}`);
    const port = await freePort();
    const server = await spawnServer(ctx.target(), port);
    let beforeBackup: string[];
    let acknowledgedDuringBackup: number;
    let backup: Awaited<ReturnType<typeof runCli>>;
    try {
      const load = submissionLoad(responsesUrl(port), 16);
      try {
        await until(() => load.acknowledged.length >= 100);
        beforeBackup = [...load.acknowledged];
        backup = await runCli(['--db', ctx.target(), 'backup', '--out', out]);
        acknowledgedDuringBackup = load.acknowledged.length - beforeBackup.length;
      } finally {
        await load.stop();
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    expect(backup.stderr).toContain('integrity ok');
    expect(backup.code).toBe(0);
    // The load went on while the backup ran: the copy was taken from a database being written.
    expect(acknowledgedDuringBackup).toBeGreaterThan(0);
    const report = JSON.parse(backup.stdout);
    expect(report).toMatchObject({ engine: ctx.engine, file: out, integrity: 'ok' });
    expect(report.counts.responses).toBeGreaterThanOrEqual(beforeBackup.length);

    const fresh = await freshTarget('restored');
    const restore = await runCli(['--db', fresh, 'restore', out]);
    expect(restore.stderr).toContain('Restored');
    expect(restore.code).toBe(0);
    expect(JSON.parse(restore.stdout).counts.responses).toBe(report.counts.responses);

    if (ctx.engine === 'sqlite') {
      const db = new SQLite(fresh, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    const references = await storedReferences(fresh);
    expect(beforeBackup.filter((reference) => !references.has(reference))).toEqual([]);
    const restored = await openDatabase(targetOf(fresh));
    try {
      const audit = await restored.db.selectFrom('audit_log').select(['actor_label', 'detail']).where('action', '=', 'database.restore').execute();
      expect(audit.map((a) => JSON.parse(a.detail).message)).toEqual([`restored from ${out}`]);
    } finally {
      await restored.close();
    }

    const restoredPort = await freePort();
    const restoredServer = await spawnServer(fresh, restoredPort);
    try {
      const client = new HttpClient(`http://127.0.0.1:${restoredPort}`);
      expect((await client.get('/health')).status).toBe(200);
      expect((await client.signIn(analystEmail, password)).status).toBe(303);
      const page = await client.get(`/api/v1/consultations/${consultationId}/responses?limit=5`);
      expect(page.status).toBe(200);
      const { responses } = await page.json();
      expect(responses).toHaveLength(5);
      expect(beforeBackup).toContain(responses[0].reference);
      expect(responses[0].answers.feel_safer).toBe(VALID_CRIME_ANSWERS.feel_safer);
    } finally {
      restoredServer.kill('SIGTERM');
      await new Promise((r) => restoredServer.once('exit', r));
    }
  });

  // Copying the file misses these: with the server idle the newest commits are still only in the -wal file.
  it('holds every acknowledged response when taken from a running server that has gone idle', { timeout: 120_000 }, async () => {
    const out = path.join(dir, `idle.${extension}`);
    const port = await freePort();
    const server = await spawnServer(ctx.target(), port);
    let acknowledged: string[];
    try {
      const load = submissionLoad(responsesUrl(port), 8);
      await until(() => load.acknowledged.length >= 200);
      await load.stop();
      acknowledged = [...load.acknowledged];
      const backup = await runCli(['--db', ctx.target(), 'backup', '--out', out]);
      expect(backup.stderr).toContain('integrity ok');
      expect(backup.code).toBe(0);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    const fresh = await freshTarget('idle-restored');
    const restore = await runCli(['--db', fresh, 'restore', out]);
    expect(restore.stderr).toContain('Restored');
    expect(restore.code).toBe(0);
    const references = await storedReferences(fresh);
    expect(acknowledged.filter((reference) => !references.has(reference))).toEqual([]);
  });
});
