import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for the file's tests, removed after them, and a function writing each new file into it. */
export function tempFiles(prefix: string): { dir: string; fileOf: (ext: string, bytes: Uint8Array | string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `saferplan-${prefix}-`));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    fileOf(ext, bytes) {
      const p = path.join(dir, `${n++}.${ext}`);
      fs.writeFileSync(p, bytes);
      return p;
    },
  };
}
