import { statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { freeBytesBesideDatabase } from './freeSpace.js';

it("gives the free bytes of the SQLite file's file system, and null for an in-memory database", async () => {
  const dir = await import('node:fs/promises').then((fs) => fs.mkdtemp(path.join(os.tmpdir(), 'saferplan-free-')));
  const file = await openDatabase({ kind: 'sqlite', path: path.join(dir, 'x.sqlite') });
  const memory = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  try {
    const stats = await statfs(dir);
    const free = await freeBytesBesideDatabase(file);
    expect(free).not.toBeNull();
    expect(Math.abs((free ?? 0) - stats.bavail * stats.bsize)).toBeLessThan(64 * 1_048_576);
    expect(await freeBytesBesideDatabase(memory)).toBeNull();
  } finally {
    await file.close();
    await memory.close();
  }
});
