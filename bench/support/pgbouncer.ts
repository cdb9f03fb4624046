import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './servers.js';

const BINARY = '/usr/sbin/pgbouncer';

export interface Bouncer {
  /** postgres:// URL through pgbouncer (with ?pgbouncer=true, so the app names no statements). */
  url: string;
  stop(): Promise<void>;
}

export const pgbouncerInstalled = () => fs.existsSync(BINARY);

/** Debian's pgbouncer in transaction mode in front of one database; as root it runs as the postgres user. */
export async function startPgbouncer(target: URL): Promise<Bouncer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const database = target.pathname.slice(1);
  fs.writeFileSync(path.join(dir, 'users.txt'), '"postgres" ""\n', { mode: 0o644 });
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database} user=postgres`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 500',
      'default_pool_size = 20',
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(BINARY, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/${database}?pgbouncer=true`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited: ${stderr}`);
    try {
      execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
