import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildResponses } from '../../test-support/factories.js';
import { createScratchDatabase } from '../../test-support/postgres.js';
import { runCli } from '../../test-support/runCli.js';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { loadConsultation } from '../consultations/index.js';
import { openDatabase } from '../db/database.js';

describe('saferplan backup and restore --help', () => {
  it('lists both commands and their options', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/backup \[options\]/);
    expect(top.stdout).toMatch(/restore \[options\] <file>/);
    const backup = await runCli(['backup', '--help']);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('--out <file>');
    expect(backup.stdout).toContain('--force');
    const restore = await runCli(['restore', '--help']);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('replace a database that is not empty');
  });
});

describeEachEngine('saferplan backup and restore refuse what would lose data', (ctx) => {
  let dir: string;
  let backupFile: string;
  const cleanups: (() => Promise<void>)[] = [];
  const extension = ctx.engine === 'sqlite' ? 'sqlite' : 'dump';
  /** An empty database of this engine, not yet created (SQLite) or without tables (PostgreSQL). */
  async function freshTarget(name: string): Promise<string> {
    if (ctx.engine === 'sqlite') return path.join(dir, `${name}.sqlite`);
    const scratch = await createScratchDatabase();
    cleanups.push(scratch.drop);
    return scratch.url;
  }
  const auditActions = async (target: string) => {
    const handle = await openDatabase(ctx.engine === 'sqlite' ? { kind: 'sqlite', path: target } : { kind: 'postgres', url: target });
    try {
      return await handle.db.selectFrom('audit_log').select(['action', 'detail']).where('entity', '=', 'database').execute();
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-backup-cli-'));
    const { consultationId } = await openConsultation(ctx.handle());
    const consultation = await loadConsultation(ctx.handle().db, consultationId);
    if (!consultation) throw new Error('no consultation');
    await buildResponses({ handle: ctx.handle(), consultation, answers: [VALID_CRIME_ANSWERS, VALID_CRIME_ANSWERS] });
    backupFile = path.join(dir, `first.${extension}`);
    const made = await runCli(['--db', ctx.target(), 'backup', '--out', backupFile]);
    expect(made.stderr).toContain('integrity ok');
    expect(made.code).toBe(0);
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records the backup in the audit log of the database it copied', async () => {
    const entries = await auditActions(ctx.target());
    expect(entries.map((e) => e.action)).toEqual(['database.backup']);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toMatchObject({ file: backupFile, counts: { consultations: 1, responses: 2 } });
  });

  it('makes the backup readable by its owner only (it holds personal data and password hashes)', () => {
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite an existing --out file unless --force', async () => {
    const before = fs.readFileSync(backupFile);
    const again = await runCli(['--db', ctx.target(), 'backup', '--out', backupFile]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`${backupFile} already exists: choose another file name, or add --force to replace it`);
    expect(fs.readFileSync(backupFile).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    const forced = await runCli(['--db', ctx.target(), 'backup', '--out', backupFile, '--force']);
    expect(forced.code).toBe(0);
  });

  it('refuses to restore into a database that is not empty, naming what it holds, unless --force', async () => {
    const refused = await runCli(['--db', ctx.target(), 'restore', backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^The database (SQLite|PostgreSQL) .* is not empty \(audit_log: \d+, consultations: 1, .*partnerships: 1, .*responses: 2/,
    );
    expect(refused.stderr).toContain('Restore into an empty database, or add --force to replace it.');
    expect((await auditActions(ctx.target())).map((e) => e.action)).not.toContain('database.restore');

    if (ctx.engine === 'sqlite') return; // replacing the file under this suite's open connection is not a thing to do
    const forced = await runCli(['--db', ctx.target(), 'restore', backupFile, '--force']);
    expect(forced.stderr).toContain('Restored');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).counts).toEqual({ partnerships: 1, users: 2, consultations: 1, responses: 2 });
  });

  it('restores into a database whose tables exist but are empty (as a server started on it leaves it)', async () => {
    const target = await freshTarget('migrated');
    expect((await runCli(['--db', target, 'migrate'])).code).toBe(0);
    const restored = await runCli(['--db', target, 'restore', backupFile]);
    expect(restored.stderr).toContain('Restored');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ engine: ctx.engine, migrationsApplied: [], counts: { consultations: 1, responses: 2 } });
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const target = await freshTarget('from-noise');
    const noise = path.join(dir, 'noise.bin');
    fs.writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const refused = await runCli(['--db', target, 'restore', noise]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `${noise} is not a SaferPlan backup: it is neither a SQLite database nor a pg_dump custom archive (saferplan backup writes one of these)`,
    );
    if (ctx.engine === 'sqlite') expect(fs.existsSync(target)).toBe(false);
    const missing = await runCli(['--db', target, 'restore', path.join(dir, 'no-such-file')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`There is no backup file at ${path.join(dir, 'no-such-file')}`);
  });

  it('refuses a damaged backup (cut short), and changes nothing', async () => {
    const target = await freshTarget('from-damaged');
    const damaged = path.join(dir, `damaged.${extension}`);
    const whole = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    const refused = await runCli(['--db', target, 'restore', damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      ctx.engine === 'sqlite'
        ? /(fails SQLite's integrity check|cannot be read as a SQLite database).*: it cannot be restored/
        : /cannot be read as a pg_dump archive, so it cannot be restored\. pg_restore failed:\npg_restore: error: /,
    );
    if (ctx.engine === 'sqlite') expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a backup of the other engine, naming both', async () => {
    const target = await freshTarget('other-engine');
    const other = path.join(dir, 'other-engine.bin');
    fs.writeFileSync(other, Buffer.concat([Buffer.from(ctx.engine === 'sqlite' ? 'PGDMP' : 'SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    const refused = await runCli(['--db', target, 'restore', other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      ctx.engine === 'sqlite'
        ? `${other} is a backup of PostgreSQL, but the database to restore into is a SQLite file: choose one of the same kind with --db`
        : `${other} is a backup of a SQLite file, but the database to restore into is PostgreSQL: choose one of the same kind with --db`,
    );
  });

  it('refuses a backup made by a newer SaferPlan, naming the migration it does not know', async () => {
    const { db } = ctx.handle();
    await db
      .insertInto('kysely_migration' as never)
      .values({ name: '9999_from_the_future', timestamp: new Date().toISOString() } as never)
      .execute();
    const newer = path.join(dir, `newer.${extension}`);
    try {
      expect((await runCli(['--db', ctx.target(), 'backup', '--out', newer])).code).toBe(0);
    } finally {
      await db
        .deleteFrom('kysely_migration' as never)
        .where('name' as never, '=', '9999_from_the_future' as never)
        .execute();
    }
    const target = await freshTarget('from-newer');
    const refused = await runCli(['--db', target, 'restore', newer]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `${newer} was made by a newer SaferPlan (migrations unknown here: 9999_from_the_future): upgrade SaferPlan, then restore it`,
    );
  });

  it.runIf(ctx.engine === 'sqlite')('refuses to replace a SQLite file a running server has open', async () => {
    const target = await freshTarget('in-use');
    const port = await freePort();
    const server = await spawnServer(target, port);
    try {
      const refused = await runCli(['--db', target, 'restore', backupFile]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toBe(`${target} is open in another process (is saferplan serve running on it?): stop that process, then restore`);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });

  it.runIf(ctx.engine === 'sqlite')('refuses to write over the database it backs up, or to back up a file that is not there', async () => {
    const over = await runCli(['--db', ctx.target(), 'backup', '--out', `${ctx.target()}-wal`, '--force']);
    expect(over.code).toBe(1);
    expect(over.stderr.trim()).toBe(
      `--out ${ctx.target()}-wal is the database being backed up (or one of its files): write the backup somewhere else`,
    );
    const absent = path.join(dir, 'absent.sqlite');
    const none = await runCli(['--db', absent, 'backup', '--out', path.join(dir, 'of-absent.sqlite')]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe(`There is no SQLite database at ${absent}: nothing to back up`);
    expect(fs.existsSync(absent)).toBe(false);
  });

  it.runIf(ctx.engine === 'postgres')('refuses a pg_dump older than the server, naming both versions and the package', async () => {
    const bin = path.join(dir, 'old-client');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n', { mode: 0o755 });
    const out = path.join(dir, 'old-pg-dump.dump');
    const failed = await runCli(['--db', ctx.target(), 'backup', '--out', out], { env: { PATH: bin } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^pg_dump 9 cannot back up this PostgreSQL (\d+) server: pg_dump must be of the server's major version or newer\. Install the Debian package postgresql-client-\1 /,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  it.runIf(ctx.engine === 'postgres')('says which package to install when pg_dump is missing', async () => {
    const out = path.join(dir, 'no-pg-dump.dump');
    const failed = await runCli(['--db', ctx.target(), 'backup', '--out', out], { env: { PATH: dir } });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe(
      'pg_dump was not found on PATH: install the Debian package postgresql-client (apt-get install -y postgresql-client)',
    );
    expect(fs.existsSync(out)).toBe(false);
  });
});
