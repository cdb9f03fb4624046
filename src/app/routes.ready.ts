import type { FastifyInstance } from 'fastify';
import { freeBytesBesideDatabase } from '../db/freeSpace.js';
import { pendingMigrations } from '../db/migrate.js';
import { probeWrite } from '../db/writeProbe.js';
import type { Services } from './services.js';

/**
 * GET /ready: 200 only when the database takes a write and has every migration this code expects; 503 with the
 * reason otherwise (migrations pending, a database that cannot take a write, or a SQLite disk nearly full), so a load balancer stops sending traffic that could only fail. /health stays a liveness check.
 */
export async function readinessRoutes(app: FastifyInstance, { services }: { services: Services }) {
  app.get('/ready', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const notReady = (reason: string, message: string) => reply.status(503).send({ status: 'not_ready', reason, message });
    try {
      const pending = await pendingMigrations(services.handle);
      if (pending.length > 0) return notReady('migrations_pending', `Migrations not yet applied: ${pending.join(', ')}. Run saferplan migrate.`);
      await probeWrite(services.handle);
      const free = await freeBytesBesideDatabase(services.handle);
      const needed = services.config.readyMinFreeBytes;
      if (free !== null && free < needed)
        return notReady('disk_full', `Only ${megabytes(free)} MB free beside the database; at least ${megabytes(needed)} MB are needed.`);
    } catch (err) {
      request.log.error({ err }, 'readiness: the database cannot take a write');
      return notReady('database_not_writable', 'The database cannot take a write.');
    }
    return { status: 'ready', database: services.dialect };
  });
}

const megabytes = (bytes: number) => Math.floor(bytes / 1_048_576);
