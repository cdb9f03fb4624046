/** Removing, merging and splitting themes: none of them ever drops a coding without saying so (and removing refuses to). */
import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import type { Actor } from '../platform/recordAudit.js';
import { listThemes, type Theme } from './queries/listThemes.js';
import { audit } from './saveTheme.js';
import { themeCodeOf } from './units.js';

interface Target {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
}

const themeOf = (themes: readonly Theme[], id: string) => {
  const theme = themes.find((t) => t.id === id);
  if (!theme) throw notFound('Theme');
  return theme;
};

const codingsOf = (trx: Transaction<Database>, partnershipId: string, themeId: string) =>
  trx.selectFrom('codings').selectAll().where('partnership_id', '=', partnershipId).where('theme_id', '=', themeId);

/** Removes a theme no unit is coded with (merge it into another instead); its children move up a level. */
export async function removeTheme({ db, actor, partnershipId, consultationId, themeId }: Target & { themeId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const theme = themeOf(await listThemes(trx, partnershipId, consultationId), themeId);
    const coded = await codingsOf(trx, partnershipId, themeId).execute();
    if (coded.length) throw conflict(`${coded.length} codings use ${theme.name}: merge it into another theme instead of removing it`);
    await trx
      .updateTable('codebook_themes')
      .set({ parent_id: null })
      .where('partnership_id', '=', partnershipId)
      .where('parent_id', '=', themeId)
      .execute();
    await trx.deleteFrom('codebook_themes').where('partnership_id', '=', partnershipId).where('id', '=', themeId).execute();
    await audit(trx, actor, 'codebook.theme.remove', partnershipId, consultationId, { theme: theme.code });
  });
}

export interface MergeResult {
  moved: number;
  /** Units that already had the kept theme in that pass: they keep it, once. */
  alreadyCoded: number;
}

/** Merges one theme into another: its codings (both passes) move to the kept theme, its children go under the kept one, it goes. */
export async function mergeThemes({
  db,
  actor,
  partnershipId,
  consultationId,
  fromId,
  intoId,
}: Target & { fromId: string; intoId: string }): Promise<MergeResult> {
  if (fromId === intoId) throw validationFailed([{ field: 'into', message: 'Choose a different theme to merge it into' }]);
  return db.transaction().execute(async (trx) => {
    const themes = await listThemes(trx, partnershipId, consultationId);
    const from = themeOf(themes, fromId);
    const into = themes.find((t) => t.id === intoId);
    if (!into) throw validationFailed([{ field: 'into', message: 'Choose the theme to keep' }]);
    const codings = await codingsOf(trx, partnershipId, fromId).execute();
    const kept = await codingsOf(trx, partnershipId, intoId).execute();
    const has = new Set(kept.map((c) => `${c.unit_key}|${c.pass}`));
    const moves = codings.filter((c) => !has.has(`${c.unit_key}|${c.pass}`));
    for (const c of moves)
      await trx
        .updateTable('codings')
        .set({ theme_id: intoId })
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('unit_key', '=', c.unit_key)
        .where('pass', '=', c.pass)
        .where('theme_id', '=', fromId)
        .execute();
    await trx.deleteFrom('codings').where('partnership_id', '=', partnershipId).where('theme_id', '=', fromId).execute();
    const childrenGoTo = into.parentId ? null : intoId;
    await trx
      .updateTable('codebook_themes')
      .set({ parent_id: childrenGoTo })
      .where('partnership_id', '=', partnershipId)
      .where('parent_id', '=', fromId)
      .where('id', '!=', intoId)
      .execute();
    await trx.deleteFrom('codebook_themes').where('partnership_id', '=', partnershipId).where('id', '=', fromId).execute();
    const result = { moved: moves.length, alreadyCoded: codings.length - moves.length };
    await audit(trx, actor, 'codebook.theme.merge', partnershipId, consultationId, { from: from.code, into: into.code, ...result });
    return result;
  });
}

export interface SplitOptions extends Target {
  themeId: string;
  /** The new themes' names (two or more), each becoming a theme under the split one (or beside it, if it is itself under another). */
  names: string[];
  /** Where each of the theme's primary codings goes, by unit key: the index of a new theme in `names`, or 'keep' (stays on the split theme). */
  assignments: Record<string, number | 'keep'>;
}

/** Splits a theme into new ones; each primary coding moves to the new theme chosen for it or stays. Blind codings stay. */
export async function splitTheme({ db, actor, partnershipId, consultationId, themeId, names, assignments }: SplitOptions) {
  const clean = names.map((n) => n.trim()).filter(Boolean);
  if (clean.length < 2) throw validationFailed([{ field: 'names', message: 'Enter at least two new themes, one a line' }]);
  if (clean.some((n) => n.length > 120)) throw validationFailed([{ field: 'names', message: 'Each theme’s name must be 120 characters or fewer' }]);
  return db.transaction().execute(async (trx) => {
    const themes = await listThemes(trx, partnershipId, consultationId);
    const theme = themeOf(themes, themeId);
    const codes = clean.map(themeCodeOf);
    const taken = codes.find((c, i) => themes.some((t) => t.code === c) || codes.indexOf(c) !== i);
    if (taken) throw validationFailed([{ field: 'names', message: `The codebook already has a theme with the code ${taken}: give another name` }]);
    const parentId = theme.parentId ?? theme.id;
    const at = nowIso();
    let position = Math.max(...themes.map((t) => t.position)) + 1;
    const created = clean.map((name, i) => ({
      partnership_id: partnershipId,
      id: newId(),
      consultation_id: consultationId,
      code: codes[i] ?? '',
      name,
      description: `Split from ${theme.name}.`,
      parent_id: parentId,
      position: position++,
      origin: 'split',
      created_at: at,
    }));
    await trx.insertInto('codebook_themes').values(created).execute();
    const codings = await codingsOf(trx, partnershipId, themeId).where('pass', '=', 'primary').execute();
    const moved: Record<string, number> = {};
    let kept = 0;
    for (const c of codings) {
      const choice = assignments[c.unit_key] ?? 'keep';
      const target = choice === 'keep' ? undefined : created[choice];
      if (!target) {
        kept++;
        continue;
      }
      await trx
        .updateTable('codings')
        .set({ theme_id: target.id })
        .where('partnership_id', '=', partnershipId)
        .where('consultation_id', '=', consultationId)
        .where('unit_key', '=', c.unit_key)
        .where('pass', '=', 'primary')
        .where('theme_id', '=', themeId)
        .execute();
      moved[target.code] = (moved[target.code] ?? 0) + 1;
    }
    await audit(trx, actor, 'codebook.theme.split', partnershipId, consultationId, { theme: theme.code, into: codes, moved, kept });
    return { created: created.map((c) => ({ id: c.id, code: c.code, name: c.name })), moved, kept };
  });
}
