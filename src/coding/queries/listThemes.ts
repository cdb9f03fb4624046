import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Theme {
  id: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
  position: number;
  origin: string;
}

/** A codebook's themes in its order (a parent before its children is the page's job: see codebookTree). */
export async function listThemes(db: Kysely<Database> | Transaction<Database>, partnershipId: string, consultationId: string): Promise<Theme[]> {
  const rows = await db
    .selectFrom('codebook_themes')
    .select(['id', 'code', 'name', 'description', 'parent_id', 'position', 'origin'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    parentId: r.parent_id,
    position: r.position,
    origin: r.origin,
  }));
}

/** Themes in reading order: each top-level theme followed by its children; with the depth of each (0 or 1). */
export function codebookTree<T extends Pick<Theme, 'id' | 'parentId'>>(themes: readonly T[]): (T & { depth: 0 | 1 })[] {
  const ids = new Set(themes.map((t) => t.id));
  const top = themes.filter((t) => !t.parentId || !ids.has(t.parentId));
  return top.flatMap((t) => [{ ...t, depth: 0 as const }, ...themes.filter((c) => c.parentId === t.id).map((c) => ({ ...c, depth: 1 as const }))]);
}

/** How many units of each theme are coded, per pass. */
export async function codingCounts(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
): Promise<Map<string, { primary: number; blind: number }>> {
  const rows = await db
    .selectFrom('codings')
    .select(['theme_id', 'pass', (eb) => eb.fn.countAll<number>().as('n')])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .groupBy(['theme_id', 'pass'])
    .execute();
  const counts = new Map<string, { primary: number; blind: number }>();
  for (const r of rows) {
    const c = counts.get(r.theme_id) ?? { primary: 0, blind: 0 };
    c[r.pass === 'blind' ? 'blind' : 'primary'] = Number(r.n);
    counts.set(r.theme_id, c);
  }
  return counts;
}
