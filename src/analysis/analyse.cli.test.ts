import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { runCli } from '../../test-support/runCli.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { AnalysisResult, CrossTabResult } from './types.js';

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
    expect(stderr).toContain('The margins for "sex" do not cover "Male" (male, 4 respondents)');
    expect(stderr).toContain('No weights were applied.');
  });

  it('--crosstab QUESTION --by BREAKDOWN prints the cross-tab JSON, weighted with --weights', async () => {
    // safe_day by sex: female 4 very safe, 2 fairly safe; male 1 very safe, 3 a bit unsafe. Expected counts 3, 2; 1.2, 0.8;
    // 1.8, 1.2, so X² = 1/3 + 1/2 + 0.64/1.2 + 0.64/0.8 + 3.24/1.8 + 3.24/1.2 = 20/3 on 2 df.
    const plain = await runCli(['--db', db, 'analyse', id, '--crosstab', 'safe_day', '--by', 'sex', '--format', 'json', '--suppress-below', '3']);
    expect(plain.code, plain.stderr).toBe(0);
    const t = JSON.parse(plain.stdout) as CrossTabResult;
    expect(t).toMatchObject({ question: 'safe_day', by: 'sex', weighted: false });
    expect(t.cells.map((c) => [c.row, c.column, c.count, c.percent])).toEqual([
      ['very_safe', 'female', 4, (4 / 6) * 100],
      ['very_safe', 'male', 1, 25],
      ['fairly_safe', 'female', 2, (2 / 6) * 100],
      ['fairly_safe', 'male', 0, 0],
      ['a_bit_unsafe', 'female', 0, 0],
      ['a_bit_unsafe', 'male', 3, 75],
      ['very_unsafe', 'female', 0, 0],
      ['very_unsafe', 'male', 0, 0],
    ]);
    expect(t.test).toMatchObject({ method: 'pearson', df: [2] });
    expect(t.test!.statistic).toBeCloseTo(20 / 3, 12);
    expect(t.test!.p).toBeCloseTo(Math.exp(-10 / 3), 12);
    const weighted = await runCli([
      '--db',
      db,
      'analyse',
      id,
      '--crosstab',
      'safe_day',
      '--by',
      'sex',
      '--weights',
      path.join(dir, 'margins.csv'),
      '--suppress-below',
      '3',
    ]);
    expect(weighted.code, weighted.stderr).toBe(0);
    const w = JSON.parse(weighted.stdout) as CrossTabResult;
    expect(w.weighted).toBe(true);
    expect(w.cells[1]!.weightedPercent).toBeCloseTo(25, 9);
    expect(w.test).toMatchObject({ method: 'rao-scott' });
    const half = await runCli(['--db', db, 'analyse', id, '--crosstab', 'safe_day']);
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('A cross-tab needs both --crosstab QUESTION and --by BREAKDOWN');
    const bad = await runCli(['--db', db, 'analyse', id, '--crosstab', 'safe_day', '--by', 'shoe_size']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('"shoe_size" is not a breakdown this survey supports');
  });
});
