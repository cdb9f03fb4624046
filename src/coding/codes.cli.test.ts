// saferplan codes import / export through the real binary, on both engines.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses } from '../../test-support/factories.js';
import { runCli } from '../../test-support/runCli.js';
import type { Consultation } from '../consultations/index.js';
import { listThemes } from './queries/listThemes.js';
import { withComment } from './testFixtures.js';

describeEachEngine('saferplan codes', ({ handle, target }) => {
  let dir: string;
  let c: Consultation;
  let refs: string[];
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const codings = async () =>
    (await handle().db.selectFrom('codings').select(['unit_key', 'theme_id', 'source']).where('consultation_id', '=', c.id).execute()).length;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-codes-'));
    const p = await buildPartnership({ db: handle().db });
    c = await buildConsultation({ db: handle().db, partnershipId: p.id, stage: 'closed' });
    await buildResponses({
      handle: handle(),
      consultation: c,
      answers: ['Speeding cars', 'Dark alleys', 'Dealers', undefined].map((t) => withComment(t)),
    });
    const rows = await handle()
      .db.selectFrom('responses')
      .select(['reference', 'answers'])
      .where('consultation_id', '=', c.id)
      .orderBy('reference')
      .execute();
    const commented = (r: { answers: string }) => typeof (JSON.parse(r.answers) as { feel_safer?: unknown }).feel_safer === 'string';
    refs = rows.filter(commented).map((r) => r.reference);
    const blank = rows.find((r) => !commented(r));
    file('blank.txt', blank?.reference ?? '');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a whole file with any bad row, naming each row and column, and stores nothing', async () => {
    const blank = fs.readFileSync(path.join(dir, 'blank.txt'), 'utf8');
    const csv = file(
      'bad.csv',
      [
        'reference,question,theme',
        `${refs[0]},feel_safer,drugs`,
        'NOPE-0000-00,feel_safer,drugs',
        `${refs[1]},safe_day,drugs`,
        `${refs[2]},feel_safer,`,
        `${blank},feel_safer,drugs`,
      ].join('\n'),
    );
    const r = await runCli(['--db', target(), 'codes', 'import', c.id, csv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Row 3, column reference: No response of this consultation has the reference NOPE-0000-00');
    expect(r.stderr).toContain('Row 4, column question: safe_day is not a free-text question of this survey');
    expect(r.stderr).toContain('Row 5, column theme: Enter the theme');
    expect(r.stderr).toContain(`Row 6, column reference: Response ${blank} has no answer to feel_safer`);
    expect(r.stderr).toContain('Nothing was imported: 4 problems');
    expect(await codings()).toBe(0);
  }, 60_000);

  it('refuses a file without the three columns', async () => {
    const r = await runCli(['--db', target(), 'codes', 'import', c.id, file('header.csv', 'ref,theme\nX,drugs\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Row 1, column reference: The header must be reference,question,theme (missing: reference, question) (unknown: ref)');
    const missing = await runCli(['--db', target(), 'codes', 'import', c.id, path.join(dir, 'absent.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    const unknown = await runCli(['--db', target(), 'codes', 'import', 'no-such-id', path.join(dir, 'header.csv')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No consultation has the id "no-such-id"');
  }, 60_000);

  it('imports codings, matching themes by code or name and adding the ones the codebook lacks', async () => {
    const csv = file(
      'good.csv',
      [
        'reference,question,theme',
        `${refs[0]},feel_safer,speeding_road_safety`,
        `${refs[0]},feel_safer,Street lighting`,
        `${refs[1]},feel_safer,Alleyways`,
        `${refs[2]?.toLowerCase()},feel_safer,drugs`,
        `${refs[2]},feel_safer,DRUGS`,
      ].join('\r\n'),
    );
    const r = await runCli(['--db', target(), 'codes', 'import', c.id, csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 5, added: 4, alreadyCoded: 1, themesAdded: ['alleyways'] });
    const themes = await listThemes(handle().db, c.partnershipId, c.id);
    expect(themes.find((t) => t.code === 'alleyways')).toMatchObject({ name: 'Alleyways', origin: 'import' });
    expect(await codings()).toBe(4);
    const again = await runCli(['--db', target(), 'codes', 'import', c.id, csv]);
    expect(JSON.parse(again.stdout)).toEqual({ rows: 5, added: 0, alreadyCoded: 5, themesAdded: [] });
  }, 60_000);

  it('exports the codings as CSV with who coded each and when, which imports again unchanged', async () => {
    const r = await runCli(['--db', target(), 'codes', 'export', c.id, '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('reference,question,theme,coded_by,coded_at');
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((x) => x.slice(0, 3).join(',')).sort()).toEqual(
      [
        `${refs[0]},feel_safer,speeding_road_safety`,
        `${refs[0]},feel_safer,street_lighting`,
        `${refs[1]},feel_safer,alleyways`,
        `${refs[2]},feel_safer,drugs`,
      ].sort(),
    );
    for (const row of cells) {
      expect(row[3]).toMatch(/^cli:/);
      expect(row[4]).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const round = await runCli(['--db', target(), 'codes', 'import', c.id, file('round.csv', r.stdout)]);
    expect(JSON.parse(round.stdout)).toMatchObject({ added: 0, alreadyCoded: 4 });
    const bad = await runCli(['--db', target(), 'codes', 'export', c.id, '--format', 'xlsx']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown format "xlsx": use csv');
  }, 60_000);
});
