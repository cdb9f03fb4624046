// saferplan codes suggest through the real binary, on both engines.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { runCli } from '../../test-support/runCli.js';
import type { Consultation } from '../consultations/index.js';
import { buildSuggestionData, UNCODED } from './suggestTestData.fixture.js';

describeEachEngine('saferplan codes suggest', ({ handle, target }) => {
  let c: Consultation;
  let referenceOf: Map<string, string>;

  beforeAll(async () => {
    c = (await buildSuggestionData(handle())).consultation;
    const rows = await handle().db.selectFrom('responses').select(['reference', 'answers']).where('consultation_id', '=', c.id).execute();
    referenceOf = new Map(rows.map((r) => [(JSON.parse(r.answers) as { feel_safer: string }).feel_safer, r.reference]));
  }, 60_000);

  it('prints one element per answer no person has coded: its reference and the themes proposed with confidences', async () => {
    const r = await runCli(['--db', target(), 'codes', 'suggest', c.id, '--question', 'feel_safer', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { reference: string; themes: { theme: string; confidence: number }[] }[];
    expect(out.map((e) => e.reference).sort()).toEqual(UNCODED.map((t) => referenceOf.get(t)).sort());
    for (const e of out) {
      expect(Object.keys(e)).toEqual(['reference', 'themes']);
      for (const t of e.themes) expect(Object.keys(t)).toEqual(['theme', 'confidence']);
    }
    const top = new Map(out.map((e) => [e.reference, e.themes[0]?.theme]));
    expect(UNCODED.map((t) => top.get(referenceOf.get(t) as string))).toEqual([
      'Speeding and road safety',
      'Drugs',
      'Speeding and road safety',
      'Drugs',
      'Street lighting',
      'Street lighting',
    ]);
    expect(r.stderr).toContain('6 uncoded answers to feel_safer; learned from 12 coded answers');
  }, 60_000);

  it('refuses a question that is not free text, another format, or an unknown consultation, saying why', async () => {
    const q = await runCli(['--db', target(), 'codes', 'suggest', c.id, '--question', 'safe_day', '--format', 'json']);
    expect(q.code).toBe(1);
    expect(q.stdout).toBe('');
    expect(q.stderr).toContain('safe_day is not a free-text question of this survey (free-text questions: feel_safer)');
    const f = await runCli(['--db', target(), 'codes', 'suggest', c.id, '--question', 'feel_safer', '--format', 'csv']);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('Unknown format "csv": use json');
    const u = await runCli(['--db', target(), 'codes', 'suggest', 'no-such-id', '--question', 'feel_safer', '--format', 'json']);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('No consultation has the id "no-such-id"');
  }, 60_000);
});
