import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled } from '../../build/ensureCompiled.js';
import { METAFILE, ROOT } from '../../build/sources.js';

/** The sources and packages in the files a compiled entry loads before it runs: its static imports, followed through. */
function loadedAtStart(meta: Metafile, entry: string) {
  const files = new Set<string>();
  const external = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) external.add(i.path);
      else pending.push(i.path);
    }
  }
  const inputs = [...files].flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
  const packageOf = (input: string) => input.split('node_modules/')[1]?.split('/')[0];
  return {
    sources: inputs.filter((i) => !i.includes('node_modules/')).sort(),
    packages: [...new Set([...inputs.flatMap((i) => packageOf(i) ?? []), ...[...external].filter((e) => !e.startsWith('node:'))])].sort(),
  };
}

describe('the compiled CLI', () => {
  it('loads only commander and the command declarations before a command runs', async () => {
    await ensureCompiled();
    const meta = JSON.parse(fs.readFileSync(METAFILE, 'utf8')) as Metafile;
    const { sources, packages } = loadedAtStart(meta, 'dist/cli/main.js');
    expect(packages).toEqual(['commander']);
    for (const capability of ['accounts', 'partnerships', 'consultations', 'surveys', 'responses', 'analysis'])
      expect(sources).toContain(`src/${capability}/cli.ts`);
    expect(sources.filter((s) => /src\/(stats|charts|db\/(database|migrate))\/|routes|createApp|server|config/.test(s))).toEqual([]);
    // The same bundle does hold the server and the statistics, behind dynamic imports.
    const everything = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(everything).toEqual(expect.arrayContaining(['src/app/createApp.ts', 'src/stats/wilson.ts']));
  });

  it('starts the server without Sass (compiled by the build) or pg (SQLite by default)', async () => {
    await ensureCompiled();
    const meta = JSON.parse(fs.readFileSync(METAFILE, 'utf8')) as Metafile;
    const server = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'src/app/server.ts')?.[0];
    expect(server).toBeDefined();
    const { sources, packages } = loadedAtStart(meta, server as string);
    expect(sources).toEqual(expect.arrayContaining(['src/app/server.ts', 'src/app/createApp.ts']));
    expect(packages).toEqual(expect.arrayContaining(['fastify', 'nunjucks']));
    expect(packages.filter((p) => p === 'sass' || p === 'pg')).toEqual([]);
  });
});

/**
 * A throwaway project with the real build scripts, bin and configuration but a two-file src/, so a test can edit
 * sources without touching the checkout's own dist/.
 */
describe('bin/saferplan.js on a project whose sources change', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-build-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const run = () => spawnSync(process.execPath, [path.join(dir, 'bin/saferplan.js')], { encoding: 'utf8' });
  const builtAt = () => fs.statSync(path.join(dir, 'dist/.sources')).mtimeMs;

  beforeAll(() => {
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'build'])
      fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    write('src/app/assets.ts', 'export const buildAssets = async () => {};\n');
    write('src/analysis/worker/analysisWorkerMain.ts', 'export {};\n');
    write('src/responses/staging/checkWorkerMain.ts', 'export {};\n');
    write('src/crime/reading/crimeWorkerMain.ts', 'export {};\n');
    write('src/cli/message.ts', "export const message: string = 'first';\n");
    write('src/cli/main.ts', "import { message } from './message.js';\nprocess.stdout.write(message + '\\n');\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compiles on the first run, and not again while nothing changed', () => {
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(run().stdout).toBe('first\n');
    const first = builtAt();
    expect(run().stdout).toBe('first\n');
    expect(builtAt()).toBe(first);
  });

  it('runs an edited source, not the stale output', () => {
    write('src/cli/message.ts', "export const message: string = 'second, edited';\n");
    expect(run().stdout).toBe('second, edited\n');
  });

  it('recompiles when a file is added, and leaves no output of a removed one', () => {
    write('src/cli/other.ts', "export const other = 'third';\n");
    write('src/cli/main.ts', "const { other } = await import('./other.js');\nprocess.stdout.write(other + '\\n');\n");
    expect(run().stdout).toBe('third\n');
    const chunks = () => fs.readdirSync(path.join(dir, 'dist')).filter((f) => f.startsWith('other-'));
    expect(chunks()).toHaveLength(2); // the chunk and its source map
    write('src/cli/main.ts', "process.stdout.write('fourth\\n');\n");
    fs.rmSync(path.join(dir, 'src/cli/other.ts'));
    expect(run().stdout).toBe('fourth\n');
    expect(chunks()).toEqual([]);
  });

  it('ignores tests: adding one compiles nothing', () => {
    const before = builtAt();
    write('src/cli/main.test.ts', 'export {};\n');
    expect(run().stdout).toBe('fourth\n');
    expect(builtAt()).toBe(before);
  });

  it('reports a source that does not compile, and exits 1', () => {
    write('src/cli/main.ts', 'process.stdout.write(\n');
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('saferplan: could not compile src/ into dist/');
    expect(broken.stderr).toContain('src/cli/main.ts');
  });
});
