import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnServer } from '../../test-support/serverProcess.js';
import { removeStaleUploadDirectories, withUploadDirectory } from './uploadDirectory.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-tmp-root-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The id of a process that has finished: its directories are what a kill -9 leaves behind. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid as number;

function makeDir(name: string, ageMs = 0): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'upload.csv'), 'ward\n');
  const t = (Date.now() - ageMs) / 1000;
  fs.utimesSync(dir, t, t);
  return dir;
}

describe('upload directories', () => {
  it('removes the directory after the work, when it fails too', async () => {
    let seen = '';
    await expect(
      withUploadDirectory(async (dir) => {
        seen = dir;
        fs.writeFileSync(path.join(dir, 'upload.csv'), 'x');
        throw new Error('import failed');
      }, root),
    ).rejects.toThrow('import failed');
    expect(path.basename(seen)).toMatch(new RegExp(`^saferplan-uploads-${process.pid}-`));
    expect(fs.existsSync(seen)).toBe(false);
  });

  it('removes those of dead processes, day-old ones and old unnamed ones; keeps live ones and anything else', async () => {
    const dead = makeDir(`saferplan-uploads-${deadPid()}-a1`);
    const live = makeDir(`saferplan-uploads-${process.pid}-b2`);
    const dayOld = makeDir(`saferplan-uploads-${process.pid}-c3`, 25 * 3_600_000);
    const legacyOld = makeDir('saferplan-upload-d4', 2 * 3_600_000);
    const legacyNew = makeDir('saferplan-upload-e5');
    const other = makeDir('someone-else-f6', 48 * 3_600_000);
    expect((await removeStaleUploadDirectories(root)).sort()).toEqual([dead, dayOld, legacyOld].sort());
    expect([live, legacyNew, other].map((d) => fs.existsSync(d))).toEqual([true, true, true]);
  });

  it('are cleaned when the server starts', { timeout: 60_000 }, async () => {
    const stale = makeDir(`saferplan-uploads-${deadPid()}-g7`);
    const port = await freePort();
    const server = await spawnServer(path.join(root, 'start.sqlite'), port, { TMPDIR: root });
    try {
      expect(fs.existsSync(stale)).toBe(false);
    } finally {
      server.kill('SIGKILL');
    }
  });
});
