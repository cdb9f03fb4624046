import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProcess, startServerProcess } from './servers.js';

export interface AppServer extends ServerProcess {
  /** The SQLite file the app serves from (removed by stop when the server made it). */
  dbPath: string;
}

/**
 * The real app exactly as users run it (`saferplan serve`), in production mode, on a fresh SQLite file that it
 * migrates and fills with the demo partnership, or on `dbPath` (left in place). Logs off so the figure is the
 * app's, not the terminal's.
 */
export async function startAppServer(env: Record<string, string> = {}, dbPath?: string): Promise<AppServer> {
  const dir = dbPath ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-bench-'));
  const file = dbPath ?? path.join(dir as string, 'bench.sqlite');
  const removeDir = () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const server = await startServerProcess({
      label: 'saferplan serve',
      nodeArgs: ['bin/saferplan.js', '--db', file, 'serve', '--port', '{port}', '--host', '127.0.0.1'],
      env: { NODE_ENV: 'production', SESSION_SECRET: crypto.randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', ...env },
      readyPath: '/health',
    });
    return {
      ...server,
      dbPath: file,
      stop: async () => {
        await server.stop();
        removeDir();
      },
    };
  } catch (err) {
    removeDir();
    throw err;
  }
}

export async function startBareFastify(): Promise<ServerProcess> {
  return startServerProcess({ label: 'bare fastify', nodeArgs: ['--import', 'tsx', 'bench/support/bareFastify.ts', '{port}'] });
}
