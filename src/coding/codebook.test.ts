import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses } from '../../test-support/factories.js';
import type { Consultation } from '../consultations/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { mergeThemes, removeTheme, splitTheme } from './changeCodebook.js';
import { codeAnswer } from './codeAnswer.js';
import { COMMON_THEMES } from './commonThemes.js';
import { openCodebook } from './openCodebook.js';
import { listThemes } from './queries/listThemes.js';
import { textAnswers } from './queries/textAnswers.js';
import { unitStates } from './queries/unitStates.js';
import { saveTheme } from './saveTheme.js';
import { withComment } from './testFixtures.js';

describeEachEngine('the codebook', ({ handle }) => {
  const actor = cliActor();
  let c: Consultation;
  const of = () => ({ partnershipId: c.partnershipId, consultationId: c.id });
  const db = () => handle().db;
  const themeId = async (code: string) => (await listThemes(db(), c.partnershipId, c.id)).find((t) => t.code === code)?.id ?? '';
  const audits = async (action: string) =>
    (
      await db()
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('partnership_id', '=', c.partnershipId)
        .where('action', '=', action)
        .execute()
    ).map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  const code = async (reference: string, codes: string[]) => {
    const a = (await textAnswers(db(), c)).find((x) => x.reference === reference);
    if (!a) throw new Error(`no answer ${reference}`);
    await codeAnswer({
      db: db(),
      actor,
      ...of(),
      answer: a,
      pass: 'primary',
      themeIds: await Promise.all(codes.map(themeId)),
      note: '',
      quotable: false,
    });
  };
  const themesOf = async () => {
    const states = await unitStates(db(), c.partnershipId, c.id, 'primary');
    const names = new Map((await listThemes(db(), c.partnershipId, c.id)).map((t) => [t.id, t.code]));
    const out: Record<string, string[]> = {};
    for (const a of await textAnswers(db(), c)) out[a.reference] = (states.get(a.unitKey)?.themeIds ?? []).map((id) => names.get(id) ?? '?').sort();
    return out;
  };

  beforeAll(async () => {
    const p = await buildPartnership({
      db: db(),
      themes: [
        { id: 'roads', title: 'Safer roads', summary: 'Speeding and parking' },
        { id: 'asb', title: 'Anti-social behaviour' },
      ],
    });
    c = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'open' });
    await buildResponses({
      handle: handle(),
      consultation: c,
      answers: ['Speeding on our road', 'Lights out on the path', 'Drug dealing by the shops', 'Kids on bikes at night'].map((text) =>
        withComment(text),
      ),
    });
  });

  it('is seeded once, from the plan themes and then the common topics (a plan theme with a common code counted once)', async () => {
    const themes = await openCodebook(db(), actor, of());
    expect(themes.slice(0, 2).map((t) => [t.code, t.name, t.description, t.origin])).toEqual([
      ['safer_roads', 'Safer roads', 'Speeding and parking', 'plan'],
      ['anti_social_behaviour', 'Anti-social behaviour', 'A theme of the partnership’s plan.', 'plan'],
    ]);
    expect(themes.length).toBe(2 + COMMON_THEMES.length - 1);
    expect(themes.map((t) => t.code)).toEqual(expect.arrayContaining(['drugs', 'fly_tipping', 'street_lighting', 'knife_crime', 'domestic_abuse']));
    expect(await openCodebook(db(), actor, of())).toEqual(themes);
    expect(await audits('codebook.seed')).toEqual([{ themes: themes.length, fromPlan: 2 }]);
  });

  it('adds and edits themes, nesting one level, and refuses a taken code or a second level', async () => {
    const added = await saveTheme({
      db: db(),
      actor,
      ...of(),
      fields: { name: 'Off-road bikes', code: '', description: 'Motorbikes on paths', parentId: await themeId('anti_social_behaviour') },
    });
    expect(added.code).toBe('off_road_bikes');
    await expect(
      saveTheme({ db: db(), actor, ...of(), fields: { name: 'Drugs again', code: 'drugs', description: '', parentId: '' } }),
    ).rejects.toMatchObject({
      fields: [{ field: 'code', message: 'The codebook already has a theme with the code drugs' }],
    });
    await expect(
      saveTheme({ db: db(), actor, ...of(), fields: { name: 'Quad bikes', code: '', description: '', parentId: added.id } }),
    ).rejects.toMatchObject({
      fields: [{ field: 'parentId', message: 'Off-road bikes is itself under another theme: choose a top-level theme' }],
    });
    await saveTheme({
      db: db(),
      actor,
      ...of(),
      themeId: added.id,
      fields: { name: 'Off-road motorbikes', code: 'off_road_bikes', description: 'Motorbikes on paths', parentId: added.parentId ?? '' },
    });
    expect(await audits('codebook.theme.update')).toEqual([{ theme: 'off_road_bikes', changed: ['name'] }]);
  });

  it('merges a theme into another, keeping every coding', async () => {
    const answers = await textAnswers(db(), c);
    const [r1, r2, r3] = answers.map((a) => a.reference);
    await code(r1 ?? '', ['speeding_road_safety', 'safer_roads']);
    await code(r2 ?? '', ['speeding_road_safety']);
    await code(r3 ?? '', ['drugs']);
    const result = await mergeThemes({
      db: db(),
      actor,
      ...of(),
      fromId: await themeId('speeding_road_safety'),
      intoId: await themeId('safer_roads'),
    });
    expect(result).toEqual({ moved: 1, alreadyCoded: 1 });
    const after = await themesOf();
    expect(after[r1 ?? '']).toEqual(['safer_roads']);
    expect(after[r2 ?? '']).toEqual(['safer_roads']);
    expect(after[r3 ?? '']).toEqual(['drugs']);
    expect(await themeId('speeding_road_safety')).toBe('');
    expect(await audits('codebook.theme.merge')).toEqual([{ from: 'speeding_road_safety', into: 'safer_roads', moved: 1, alreadyCoded: 1 }]);
  });

  it('splits a theme: each coding goes to the new theme chosen for it or stays, and the new themes sit under it', async () => {
    const [r1, r2] = (await textAnswers(db(), c)).map((a) => a.reference);
    const units = (await textAnswers(db(), c)).map((a) => a.unitKey);
    const split = await splitTheme({
      db: db(),
      actor,
      ...of(),
      themeId: await themeId('safer_roads'),
      names: ['Speeding', 'Parking'],
      assignments: { [units[0] ?? '']: 0 },
    });
    expect(split.created.map((t) => t.code)).toEqual(['speeding', 'parking']);
    const after = await themesOf();
    expect(after[r1 ?? '']).toEqual(['speeding']);
    expect(after[r2 ?? '']).toEqual(['safer_roads']);
    const themes = await listThemes(db(), c.partnershipId, c.id);
    expect(themes.filter((t) => t.parentId === (themes.find((x) => x.code === 'safer_roads')?.id ?? '-')).map((t) => t.code)).toEqual([
      'speeding',
      'parking',
    ]);
    expect(await audits('codebook.theme.split')).toEqual([{ theme: 'safer_roads', into: ['speeding', 'parking'], moved: { speeding: 1 }, kept: 1 }]);
    await expect(
      splitTheme({ db: db(), actor, ...of(), themeId: await themeId('drugs'), names: ['Only one'], assignments: {} }),
    ).rejects.toMatchObject({
      fields: [{ field: 'names' }],
    });
  });

  it('refuses to remove a theme answers are coded with, and removes one nobody used', async () => {
    await expect(removeTheme({ db: db(), actor, ...of(), themeId: await themeId('drugs') })).rejects.toMatchObject({ code: 'conflict' });
    await removeTheme({ db: db(), actor, ...of(), themeId: await themeId('burglary') });
    expect(await themeId('burglary')).toBe('');
    expect((await themesOf())[(await textAnswers(db(), c))[2]?.reference ?? '']).toEqual(['drugs']);
  });
});
