import { describe, expect, it } from 'vitest';
import {
  detectBackupFormat,
  explainPgToolFailure,
  newerBackupReason,
  parseCopiedMigrationNames,
  parsePgToolMajor,
  pgDumpMismatch,
  splitPassword,
} from './backupFormat.js';

describe('detectBackupFormat', () => {
  it('knows a SQLite database, a pg_dump custom archive and anything else by their first bytes', () => {
    expect(detectBackupFormat(Buffer.from('SQLite format 3\0\x10\x00', 'latin1'))).toBe('sqlite');
    expect(detectBackupFormat(Buffer.from('PGDMP\x01\x0f\x00', 'latin1'))).toBe('pg_dump');
    expect(detectBackupFormat(Buffer.from('SQLite format 2\0', 'latin1'))).toBe('unknown');
    expect(detectBackupFormat(Buffer.from('PGDM', 'latin1'))).toBe('unknown');
    expect(detectBackupFormat(Buffer.alloc(0))).toBe('unknown');
  });
});

describe('parseCopiedMigrationNames', () => {
  it('reads the names from the COPY block of the migrations table', () => {
    const script = [
      '--',
      '-- PostgreSQL database dump',
      'SET statement_timeout = 0;',
      'COPY public.kysely_migration (name, "timestamp") FROM stdin;',
      '0001_foundation\t2026-12-01T02:00:00.000Z',
      '0002_consultations\t2026-12-01T02:00:00.100Z',
      '\\.',
      '',
    ].join('\n');
    expect(parseCopiedMigrationNames(script)).toEqual(['0001_foundation', '0002_consultations']);
  });

  it('is undefined when the archive has no migrations table, and empty when the table is', () => {
    expect(parseCopiedMigrationNames('--\n-- PostgreSQL database dump complete\n')).toBeUndefined();
    expect(parseCopiedMigrationNames('COPY public.kysely_migration (name, "timestamp") FROM stdin;\n\\.\n')).toEqual([]);
  });
});

describe('newerBackupReason', () => {
  it('names the migrations this code does not know', () => {
    expect(newerBackupReason('b.sqlite', ['0001_a', '0002_b'], ['0001_a', '0002_b', '0003_c'])).toBeUndefined();
    expect(newerBackupReason('b.sqlite', ['0001_a', '0009_x', '0010_y'], ['0001_a'])).toBe(
      'b.sqlite was made by a newer SaferPlan (migrations unknown here: 0009_x, 0010_y): upgrade SaferPlan, then restore it',
    );
  });
});

describe('PostgreSQL client versions', () => {
  it('reads the major version of pg_dump --version', () => {
    expect(parsePgToolMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toBe(15);
    expect(parsePgToolMajor('pg_restore (PostgreSQL) 17.2\n')).toBe(17);
    expect(parsePgToolMajor('something else')).toBeUndefined();
  });

  it('lets pg_dump back up servers of its own major version or older only', () => {
    expect(pgDumpMismatch(15, 150_004)).toBeUndefined();
    expect(pgDumpMismatch(16, 130_010)).toBeUndefined();
    expect(pgDumpMismatch(15, 160_002)).toBe(
      "pg_dump 15 cannot back up this PostgreSQL 16 server: pg_dump must be of the server's major version or newer. " +
        'Install the Debian package postgresql-client-16 (from apt.postgresql.org if your release lacks it) and put its pg_dump first on PATH.',
    );
  });

  it('explains the known failures of pg_dump and pg_restore, and passes on the last lines of others', () => {
    expect(
      explainPgToolFailure(
        'pg_dump',
        'pg_dump: error: aborting because of server version mismatch\npg_dump: detail: server version: 16.2 (Debian 16.2-1); pg_dump version: 15.20\n',
      ),
    ).toBe("pg_dump 15.20 cannot back up a PostgreSQL 16.2 server: install postgresql-client of the server's major version or newer.");
    expect(explainPgToolFailure('pg_restore', 'pg_restore: error: unsupported version (1.16) in file header\n')).toBe(
      'pg_restore cannot read this archive: it was written by a newer pg_dump. Install a postgresql-client at least as new as the one that made it.',
    );
    expect(explainPgToolFailure('pg_restore', 'pg_restore: error: input file is too short (read 0, expected 5)\n')).toBe(
      'pg_restore failed:\npg_restore: error: input file is too short (read 0, expected 5)',
    );
    expect(explainPgToolFailure('pg_dump', '')).toBe('pg_dump failed without saying why');
  });

  it('takes the password out of a connection URL', () => {
    expect(splitPassword('postgres://app:s%40cret@db.example:5433/saferplan?sslmode=require')).toEqual({
      url: 'postgres://app@db.example:5433/saferplan?sslmode=require',
      password: 's@cret',
    });
    expect(splitPassword('postgres://postgres@127.0.0.1:5432/x')).toEqual({ url: 'postgres://postgres@127.0.0.1:5432/x', password: undefined });
  });
});
