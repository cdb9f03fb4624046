// The structure rules of docs/architecture.md, checked on every test run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, type ImportEdge, importEdges } from '../test-support/importGraph.js';

const REPO = path.resolve(import.meta.dirname, '..');
/** Used by every capability; import no capability. */
const SHARED = ['platform', 'stats', 'db', 'charts', 'views'];
/** Put the capabilities together: the server, the command line, the demo. */
const COMPOSITION = ['app', 'cli', 'demo'];
const CAPABILITIES = fs
  .readdirSync(path.join(REPO, 'src'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !SHARED.includes(e.name) && !COMPOSITION.includes(e.name))
  .map((e) => e.name);

/** Imports that cross a boundary on purpose, each with its reason. */
const ALLOWED: { to: string; why: string }[] = [
  { to: 'src/app/services.ts', why: 'the Services type that routes receive from the composition root (type only)' },
  { to: 'src/app/config.ts', why: 'the Config type of the settings a job or route is given (type only)' },
  { to: 'src/app/capability.ts', why: 'the Capability, CliContext and RoutePlugin types a capability declares itself with (type only)' },
];

const isTest = (f: string) => /\.test\.ts$|fixture/.test(f);
const edges = importEdges(REPO, 'src', (f) => !isTest(f));
const folderOf = (file: string) => file.split('/')[1] ?? '';
const isPublished = (file: string, cap: string) => file === `src/${cap}/index.ts` || file === `src/${cap}/capability.ts`;
const allowed = (e: ImportEdge) => e.typeOnly && ALLOWED.some((a) => a.to === e.to);
const show = (e: ImportEdge) => `${e.from} -> ${e.to}`;

describe('architecture', () => {
  it('finds the capabilities', () => {
    expect(CAPABILITIES).toEqual(expect.arrayContaining(['accounts', 'partnerships', 'surveys', 'consultations', 'responses', 'analysis']));
  });

  it('has no import cycle between files (type-only and dynamic imports excepted)', () => {
    expect(cycles(edges.filter((e) => !e.typeOnly && !e.dynamic))).toEqual([]);
  });

  it('keeps database queries and audit writes out of route and command files', () => {
    const entryPoints = edges
      .map((e) => e.from)
      .filter((f, i, all) => all.indexOf(f) === i)
      .filter((f) => /(^|\/)routes[^/]*\.ts$|\/cli\.ts$|^src\/cli\/commands\//.test(f));
    const offenders = entryPoints.filter((f) =>
      /\.(selectFrom|insertInto|updateTable|deleteFrom|transaction)\(|\bsql`|\brecordAudit\(/.test(fs.readFileSync(path.join(REPO, f), 'utf8')),
    );
    expect(entryPoints.length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('keeps the shared layers free of capabilities, and statistics free of everything else', () => {
    const bad = edges.filter((e) => {
      const from = folderOf(e.from);
      const to = folderOf(e.to);
      if (from === 'stats') return to !== 'stats';
      return SHARED.includes(from) && !SHARED.includes(to);
    });
    expect(bad.map(show)).toEqual([]);
  });

  it('lets a capability use another only through what it publishes (index.ts), and never the composition root', () => {
    const bad = edges.filter((e) => {
      const from = folderOf(e.from);
      const to = folderOf(e.to);
      if (!CAPABILITIES.includes(from) || from === to || allowed(e)) return false;
      if (COMPOSITION.includes(to)) return true;
      return CAPABILITIES.includes(to) && e.to !== `src/${to}/index.ts`;
    });
    expect(bad.map(show)).toEqual([]);
  });

  it('lets the composition root reach a capability only through its index.ts or capability.ts', () => {
    const bad = edges.filter(
      (e) => COMPOSITION.includes(folderOf(e.from)) && CAPABILITIES.includes(folderOf(e.to)) && !isPublished(e.to, folderOf(e.to)),
    );
    expect(bad.map(show)).toEqual([]);
  });
});
