import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openConsultation } from '../../test-support/consultations.js';
import { startBareFastify } from '../support/appServer.js';
import { describeLoad, loadServer } from '../support/load.js';
import { startServerProcess } from '../support/servers.js';
import type { Benchmark, Result } from '../support/types.js';

const LOAD = { connections: 50, durationSeconds: 5, warmupSeconds: 1 };
const PAGE = 'feeling_safe';

/**
 * Requests a second for a survey question page (the Crime Survey's "Feeling safe": two GOV.UK radios grids) as a
 * first-time respondent sees it: no session, so the page is the pre-rendered copy with a fresh CSRF token and CSP
 * nonce spliced in and no database query. Beside a bare Fastify hello-world measured the same way in the same run.
 */
const questionPage: Benchmark = {
  name: 'question page',
  description: `GET /p/{partnership}/{consultation}/questions/${PAGE} (saferplan serve, SQLite, open Crime Survey) vs bare Fastify hello-world; 50 connections, 5 s`,
  async run(): Promise<Result[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-question-'));
    try {
      const dbPath = path.join(dir, 'app.sqlite');
      const handle = await openDatabase({ kind: 'sqlite', path: dbPath });
      await migrateToLatest(handle);
      const { slug } = await openConsultation(handle);
      await handle.close();
      const start = () =>
        startServerProcess({
          label: 'saferplan serve',
          nodeArgs: ['bin/saferplan.js', '--db', dbPath, 'serve', '--no-demo', '--port', '{port}', '--host', '127.0.0.1'],
          env: { NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' },
          readyPath: '/health',
        });

      // One after the other, never side by side: each server gets the machine to itself.
      const bareLoad = await loadServer(startBareFastify, '/', LOAD);
      const pageLoad = await loadServer(start, `/p/coventry-community-safety-partnership/${slug}/questions/${PAGE}`, LOAD);
      const failed = pageLoad.non2xx + pageLoad.errors + pageLoad.timeouts > 0;
      return [
        {
          name: 'bare fastify req/s',
          value: bareLoad.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'none' },
          notes: describeLoad(bareLoad),
        },
        {
          name: 'question page req/s',
          // A run with failed requests measured error pages, not the question page: it cannot pass.
          value: failed ? 0 : pageLoad.requestsPerSecond,
          unit: 'req/s',
          better: 'higher',
          target: { kind: 'ratioAtLeast', ratio: 0.1 },
          baseline: { name: 'bare fastify', value: bareLoad.requestsPerSecond },
          notes: describeLoad(pageLoad),
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default questionPage;
