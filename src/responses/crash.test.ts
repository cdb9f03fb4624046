import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

// The full form (20 rounds) runs with CRASH_ROUNDS=20; CI runs the short form.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

describe(`kill -9 during a submission load (${ROUNDS} rounds)`, () => {
  let dir: string;
  let dbPath: string;
  let consultationId: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-crash-'));
    dbPath = path.join(dir, 'crash.sqlite');
    const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
    await migrateToLatest(handle);
    ({ consultationId } = await openConsultation(handle));
    await handle.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged response and leaves the database intact', { timeout: 60_000 + ROUNDS * 15_000 }, async () => {
    const acknowledged = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const server = await spawnServer(dbPath, port);
      const url = `http://127.0.0.1:${port}/api/v1/consultations/${consultationId}/responses`;
      let stop = false;
      let acknowledgedThisRound = 0;
      const clients = Array.from({ length: 20 }, async () => {
        while (!stop) {
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(VALID_CRIME_ANSWERS),
            });
            if (res.status === 201) {
              acknowledged.add((await res.json()).reference);
              acknowledgedThisRound++;
            } else await res.arrayBuffer();
          } catch {
            // the server died mid-request: that submission was never acknowledged
          }
        }
      });
      // Kill mid-load, once the load is under way: a slow (busy) machine must not turn into a round with no load.
      const started = Date.now();
      while (acknowledgedThisRound < 10 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      stop = true;
      await Promise.all(clients);
    }
    const db = new SQLite(dbPath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('select reference from responses').all() as { reference: string }[]).map((r) => r.reference));
      const missing = [...acknowledged].filter((ref) => !stored.has(ref));
      expect(acknowledged.size).toBeGreaterThan(ROUNDS * 10);
      expect(missing).toEqual([]);
    } finally {
      db.close();
    }
  });
});
