/**
 * GET /metrics in Prometheus's text format (docs/deploy.md): requests by route pattern, method and status class, their
 * latency, survey submissions, and the job queue's depth and oldest waiting job. Answered only to a scraper holding
 * METRICS_TOKEN (as a bearer token); without that setting the route does not exist for anyone.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { queueStatistics } from '../../jobs/index.js';
import type { Services } from '../services.js';

/** The routes that store a survey response when they answer 2xx or 3xx. */
export const SUBMISSION_ROUTES = new Set(['POST /p/:slug/:cslug/check', 'POST /api/v1/consultations/:id/responses']);

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function buildMetrics(services: Pick<Services, 'db'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'saferplan_process_' });
  const requests = new Counter({
    name: 'saferplan_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'saferplan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const submissions = new Counter({
    name: 'saferplan_submissions_total',
    help: 'Survey responses stored through the public form and the API by this instance',
    registers: [registry],
  });
  // Both job gauges are filled from one read of the queue per scrape (prom-client collects them concurrently).
  let reading: Promise<void> | undefined;
  const readQueue = () => {
    reading ??= queueStatistics(services.db)
      .then((rows) => {
        queued.reset();
        oldest.reset();
        const now = Date.now();
        for (const r of rows) {
          queued.set({ kind: r.kind, status: r.status }, r.count);
          oldest.set({ kind: r.kind, status: r.status }, Math.max(0, (now - Date.parse(r.oldest)) / 1000));
        }
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  const queued = new Gauge({
    name: 'saferplan_jobs',
    help: 'Background jobs waiting or running, by kind and status (all instances)',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      await readQueue();
    },
  });
  const oldest = new Gauge({
    name: 'saferplan_jobs_oldest_age_seconds',
    help: 'How long the oldest waiting or running job has been due, by kind and status',
    labelNames: ['kind', 'status'] as const,
    registers: [registry],
    async collect() {
      await readQueue();
    },
  });
  return { registry, requests, latency, submissions };
}

export const metricsPlugin = fp(async (app: FastifyInstance, { services }: { services: Services }) => {
  const token = services.config.metricsToken;
  const metrics = buildMetrics(services);
  app.addHook('onResponse', (request, reply, done) => {
    // Unmatched URLs share one label, so a scanner cannot add a series per path it tries.
    const route = request.routeOptions.url ?? 'unmatched';
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    metrics.requests.inc({ route, method: request.method, status });
    metrics.latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
    if (reply.statusCode < 400 && SUBMISSION_ROUTES.has(`${request.method} ${route}`)) metrics.submissions.inc();
    done();
  });
  if (!token) return;
  app.get('/metrics', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameToken(given, token)) return reply.status(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorised' });
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
});
