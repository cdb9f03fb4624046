import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { runCli } from '../../test-support/runCli.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AnalysisResult } from './types.js';

// Ten respondents: six female (4 very safe, 2 fairly safe by day), four male (1 very safe, 3 a bit unsafe).
// Raked to female 500 / male 500: weights 500/6 and 125, so weighted % very safe = (4 x 500/6 + 125) / 1000 = 45.8333%.
const ROWS = [
  ...Array.from({ length: 4 }, () => ['female', 'very_safe']),
  ...Array.from({ length: 2 }, () => ['female', 'fairly_safe']),
  ['male', 'very_safe'],
  ...Array.from({ length: 3 }, () => ['male', 'a_bit_unsafe']),
];

describe('saferplan analyse', () => {
  let dir: string;
  let db: string;
  let id: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-analyse-'));
    db = path.join(dir, 'a.sqlite');
    const handle = await openDatabase({ kind: 'sqlite', path: db });
    await migrateToLatest(handle);
    id = (await openConsultation(handle)).consultationId;
    await handle.close();
    const csv = [
      'sex,safe_day,safe_dark,safe_centre_day,safe_centre_dark',
      ...ROWS.map(([sex, day]) => `${sex},${day},a_bit_unsafe,fairly_safe,very_unsafe`),
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'responses.csv'), csv);
    fs.writeFileSync(path.join(dir, 'margins.csv'), 'variable,value,population\nsex,female,500\nsex,male,500\n');
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'variable,value,population\nsex,female,500\n');
    const imported = await runCli(['--db', db, 'responses', 'import', id, path.join(dir, 'responses.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the analysis JSON', async () => {
    const { code, stdout } = await runCli(['--db', db, 'analyse', id, '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as AnalysisResult;
    expect(r).toMatchObject({ n: 10, weighted: false });
    expect(r.questions.find((q) => q.code === 'safe_day')!.options.map((o) => [o.value, o.count, o.percent])).toEqual([
      ['very_safe', 5, 50],
      ['fairly_safe', 2, 20],
      ['a_bit_unsafe', 3, 30],
      ['very_unsafe', 0, 0],
    ]);
  });

  it('--weights rakes to the margins and adds weighted figures', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'analyse', id, '--format', 'json', '--weights', path.join(dir, 'margins.csv')]);
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout) as AnalysisResult;
    expect(r.weighted).toBe(true);
    expect(r.weighting).toMatchObject({ variables: ['sex'], converged: true });
    const vs = r.questions.find((q) => q.code === 'safe_day')!.options[0]!;
    expect(vs.count).toBe(5);
    expect(vs.percent).toBe(50);
    expect(vs.weightedPercent).toBeCloseTo((4 * (500 / 6) + 125) / 10, 9);
    expect(vs.weightedCount).toBeCloseTo(4 * (500 / 6) + 125, 9);
    expect(r.questions.find((q) => q.code === 'safe_day')!.base.weightedN).toBeCloseTo(1000, 9);
  });

  it('--max-weight-ratio caps the weights, or explains when the margins cannot be met under the cap', async () => {
    // weights are 500/6 and 125 (mean 100): a cap of 1.3 x mean binds no one; under 1.2 x the four male
    // respondents could reach at most 480 of their 500, so raking cannot converge and no weights are applied
    const ok = await runCli(['--db', db, 'analyse', id, '--weights', path.join(dir, 'margins.csv'), '--max-weight-ratio', '1.3']);
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as AnalysisResult).weighting!.trimming).toMatchObject({ cap: 130, trimmedCount: 0, converged: true });
    const tight = await runCli(['--db', db, 'analyse', id, '--weights', path.join(dir, 'margins.csv'), '--max-weight-ratio', '1.2']);
    expect(tight.code).toBe(1);
    expect(tight.stdout).toBe('');
    expect(tight.stderr).toMatch(/did not converge[\s\S]*No weights were applied/);
  });

  it("an unknown filter value prints the reason and exits 1, as the analyst's mistake rather than an unexpected error", async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'analyse', id, '--filter', 'sex=martian']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('"martian" is not an answer to "sex"');
  });

  it('a margin problem prints the explanation, applies no weights and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(['--db', db, 'analyse', id, '--weights', path.join(dir, 'bad.csv')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('has "sex" = "male", which the population margins do not cover');
    expect(stderr).toContain('No weights were applied.');
  });
});
