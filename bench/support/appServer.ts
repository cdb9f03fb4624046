import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProcess, startServerProcess } from './servers.js';

export interface AppServer extends ServerProcess {
  /** The SQLite file the app serves from (removed by stop). */
  dbPath: string;
}

/**
 * The real app exactly as users run it (`saferplan serve`), in production mode, on a fresh SQLite file that it
 * migrates and fills with the demo partnership. Logs off so the figure is the app's, not the terminal's.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-'));
  const dbPath = path.join(dir, 'bench.sqlite');
  try {
    const server = await startServerProcess({
      label: 'saferplan serve',
      nodeArgs: ['bin/saferplan.js', '--db', dbPath, 'serve', '--port', '{port}', '--host', '127.0.0.1'],
      env: { NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ...env },
      readyPath: '/health',
    });
    return {
      ...server,
      dbPath,
      stop: async () => {
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

export async function startBareFastify(): Promise<ServerProcess> {
  return startServerProcess({ label: 'bare fastify', nodeArgs: ['--import', 'tsx', 'bench/support/bareFastify.ts', '{port}'] });
}
