import { startAppServer, startBareFastify } from '../support/appServer.js';
import { describeLoad, loadServer } from '../support/load.js';
import type { Benchmark, Result } from '../support/types.js';

const LOAD = { connections: 50, durationSeconds: 5, warmupSeconds: 1 };

/**
 * Requests a second for the public home page (a database query, a Nunjucks page in the GOV.UK layout, security
 * headers with CSP nonces, a CSRF cookie), beside a bare Fastify hello-world measured the same way in the same run.
 * The servers run one at a time so they never compete for a core.
 */
const homePage: Benchmark = {
  name: 'home page',
  description: 'GET / on the real app (saferplan serve, SQLite, demo data) vs bare Fastify hello-world; 50 connections, 5 s',
  async run(): Promise<Result[]> {
    // One after the other, never side by side: each server gets the machine to itself.
    const bareLoad = await loadServer(startBareFastify, '/', LOAD);
    const homeLoad = await loadServer(startAppServer, '/', LOAD);

    const baseline = { name: 'bare fastify', value: bareLoad.requestsPerSecond };
    const failed = homeLoad.non2xx + homeLoad.errors + homeLoad.timeouts > 0;
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
        name: 'home page req/s',
        // A run with failed requests measured error pages, not the home page: it cannot pass.
        value: failed ? 0 : homeLoad.requestsPerSecond,
        unit: 'req/s',
        better: 'higher',
        target: { kind: 'ratioAtLeast', ratio: 0.1 },
        baseline,
        notes: describeLoad(homeLoad),
      },
    ];
  },
};

export default homePage;
