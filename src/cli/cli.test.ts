import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { runCli } from '../../test-support/runCli.js';

describe('saferplan --help', () => {
  it('lists the commands', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'partnership', 'user']) expect(stdout).toContain(command);
    expect(stdout).toContain('--db <path>');
  });
});

describeEachEngine('saferplan CLI', ({ target }) => {
  const cli = (args: string[], stdin?: string) => runCli(['--db', target(), ...args], { stdin });

  it('creates and lists partnerships as JSON', async () => {
    const created = await cli(['partnership', 'create', '--name', 'Testshire CSP', '--area-code', 'e06000001']);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await cli(['partnership', 'list', '--format', 'json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id, name: 'Testshire CSP', areaCode: 'E06000001', slug: 'testshire-csp' })]);
  });

  it('adds a user with the password from stdin, defaulting to the only partnership', async () => {
    const added = await cli(['user', 'add', '--email', 'Analyst@Testshire.gov.uk', '--role', 'analyst'], 'correct-horse-battery\n');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const { id, email, partnershipId } = JSON.parse(added.stdout);
    expect(email).toBe('analyst@testshire.gov.uk');
    expect(partnershipId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = JSON.parse((await cli(['user', 'list', '--format', 'json'])).stdout);
    expect(listed).toEqual([expect.objectContaining({ id, email, role: 'analyst', partnershipIds: [partnershipId] })]);
  });

  it('refuses a duplicate email, an unknown role and a short password, exiting non-zero', async () => {
    const dup = await cli(['user', 'add', '--email', 'analyst@testshire.gov.uk', '--role', 'viewer'], 'another-long-password');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('A user with the email analyst@testshire.gov.uk already exists');
    const role = await cli(['user', 'add', '--email', 'b@testshire.gov.uk', '--role', 'wizard'], 'another-long-password');
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Unknown role "wizard": use one of admin, analyst, partner, member, viewer');
    const short = await cli(['user', 'add', '--email', 'c@testshire.gov.uk', '--role', 'viewer'], 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: Password must be at least 12 characters');
    const users = JSON.parse((await cli(['user', 'list', '--format', 'json'])).stdout);
    expect(users).toHaveLength(1);
  });

  it('asks for --partnership when there are several, and rejects an unknown one', async () => {
    await cli(['partnership', 'create', '--name', 'Second CSP']);
    const ambiguous = await cli(['user', 'add', '--email', 'd@x.org', '--role', 'viewer'], 'long-enough-password');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('There are 2 partnerships: choose one with --partnership ID');
    const unknown = await cli(['user', 'add', '--email', 'd@x.org', '--role', 'viewer', '--partnership', 'nope'], 'long-enough-password');
    expect(unknown.stderr).toContain('No partnership has the id or slug "nope"');
    const bySlug = await cli(['user', 'add', '--email', 'd@x.org', '--role', 'viewer', '--partnership', 'second-csp'], 'long-enough-password');
    expect(bySlug.code).toBe(0);
  });

  it('rejects a bad area code naming the field', async () => {
    const bad = await cli(['partnership', 'create', '--name', 'Third CSP', '--area-code', 'Coventry']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('areaCode: Area code must be an ONS local authority code like E08000026');
  });
});

describe('saferplan database errors', () => {
  it('names a --db path that cannot be opened', async () => {
    const res = await runCli(['--db', '/etc/hostname/x.sqlite', 'partnership', 'list']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Cannot open the SQLite database at \/etc\/hostname\/x.sqlite/);
  });

  it('names an unreachable DATABASE_URL without revealing its password', async () => {
    const res = await runCli(['migrate'], { env: { DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/nowhere' } });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Cannot connect to PostgreSQL at 127.0.0.1:1\/nowhere/);
    expect(res.stderr).not.toContain('secret');
  });
});
