import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { listThemes, type Theme } from './queries/listThemes.js';
import { THEME_CODE_PATTERN, themeCodeOf } from './units.js';

export const themeFields = z.object({
  name: z.string().trim().min(1, 'Enter the theme’s name').max(120, 'The theme’s name must be 120 characters or fewer'),
  code: z
    .string()
    .trim()
    .max(60, 'The code must be 60 characters or fewer')
    .refine((c) => c === '' || THEME_CODE_PATTERN.test(c), 'The code must start with a letter and use only a-z, 0-9 and _ (like street_lighting)'),
  description: z.string().trim().max(1000, 'The description must be 1,000 characters or fewer'),
  parentId: z.string().max(100),
});
export type ThemeFields = z.input<typeof themeFields>;

export interface SaveThemeOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  /** The theme to change; a new theme when absent. */
  themeId?: string;
  fields: ThemeFields;
  origin?: string;
}

/** Checks a theme's fields against the codebook: a free code, a parent that is a top-level theme (one level of nesting). */
export function checkTheme(themes: readonly Theme[], fields: z.output<typeof themeFields>, themeId?: string) {
  const code = fields.code || themeCodeOf(fields.name);
  if (themes.some((t) => t.code === code && t.id !== themeId))
    throw validationFailed([{ field: fields.code ? 'code' : 'name', message: `The codebook already has a theme with the code ${code}` }]);
  const parentId = fields.parentId || null;
  if (parentId) {
    const parent = themes.find((t) => t.id === parentId);
    if (!parent || parent.id === themeId) throw validationFailed([{ field: 'parentId', message: 'Choose a theme of this codebook to put it under' }]);
    if (parent.parentId)
      throw validationFailed([{ field: 'parentId', message: `${parent.name} is itself under another theme: choose a top-level theme` }]);
    if (themeId && themes.some((t) => t.parentId === themeId))
      throw validationFailed([{ field: 'parentId', message: 'This theme has themes under it, so it cannot go under another' }]);
  }
  return { code, parentId };
}

/** Adds a theme or changes one (code, name, description, parent); audited with what changed. Codings stay with the theme. */
export async function saveTheme({ db, actor, partnershipId, consultationId, themeId, fields, origin = 'added' }: SaveThemeOptions): Promise<Theme> {
  const input = parseOrThrow(themeFields, fields);
  return db.transaction().execute(async (trx) => {
    const themes = await listThemes(trx, partnershipId, consultationId);
    const { code, parentId } = checkTheme(themes, input, themeId);
    const values = { code, name: input.name, description: input.description, parent_id: parentId };
    if (themeId) {
      const before = themes.find((t) => t.id === themeId);
      if (!before) throw notFound('Theme');
      await trx.updateTable('codebook_themes').set(values).where('partnership_id', '=', partnershipId).where('id', '=', themeId).execute();
      const after = { ...before, code, name: input.name, description: input.description, parentId };
      const changed = (['code', 'name', 'description', 'parentId'] as const).filter((k) => before[k] !== after[k]);
      await audit(trx, actor, 'codebook.theme.update', partnershipId, consultationId, { theme: code, changed });
      return after;
    }
    const id = newId();
    const position = Math.max(-1, ...themes.map((t) => t.position)) + 1;
    await trx
      .insertInto('codebook_themes')
      .values({ partnership_id: partnershipId, id, consultation_id: consultationId, ...values, position, origin, created_at: nowIso() })
      .execute();
    await audit(trx, actor, 'codebook.theme.add', partnershipId, consultationId, { theme: code, name: input.name });
    return { id, code, name: input.name, description: input.description, parentId, position, origin };
  });
}

export function audit(
  trx: Transaction<Database>,
  actor: Actor,
  action: string,
  partnershipId: string,
  consultationId: string,
  detail: Record<string, unknown>,
) {
  return recordAudit(trx, { actor, action, entity: 'consultation', entityId: consultationId, partnershipId, detail });
}
