import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPackageRoot, REPOSITORY_ROOT, SOURCE_ROOT } from './repositoryPaths.js';

describe('repository paths', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-paths-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the folder holding package.json from any depth below it', () => {
    fs.mkdirSync(path.join(tmp, 'pkg/dist/deep'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'pkg/package.json'), '{}');
    expect(findPackageRoot(path.join(tmp, 'pkg/dist/deep'))).toBe(path.join(tmp, 'pkg'));
    expect(findPackageRoot(path.join(tmp, 'pkg'))).toBe(path.join(tmp, 'pkg'));
  });

  it('says where it looked when there is none', () => {
    fs.mkdirSync(path.join(tmp, 'nothing'));
    expect(() => findPackageRoot(path.join(tmp, 'nothing'))).toThrow(`No package.json at or above ${path.join(tmp, 'nothing')}`);
  });

  it('is the SaferPlan checkout, whose source tree holds the templates', () => {
    expect(JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')).name).toBe('saferplan');
    expect(fs.existsSync(path.join(SOURCE_ROOT, 'views/layout.njk'))).toBe(true);
  });
});
