import type { Kysely, Selectable } from 'kysely';
import { fromJson, toBool } from '../../db/columnTypes.js';
import type { Database, PartnershipsTable } from '../../db/schema.js';
import type { Branding } from '../schema.js';

export interface Partnership {
  id: string;
  name: string;
  slug: string;
  areaCode: string | null;
  branding: Branding;
  isDemo: boolean;
  createdAt: string;
  /** The smallest base whose figures staff see (an admin may ask for less, down to 3: analysis/suppression.ts). */
  suppressionMinimum: number;
}

export function toPartnership(row: Selectable<PartnershipsTable>): Partnership {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    areaCode: row.area_code,
    branding: fromJson<Branding>(row.branding, { colour: '#1d4f91', footerText: '' }),
    isDemo: toBool(row.is_demo),
    createdAt: row.created_at,
    suppressionMinimum: row.suppression_minimum,
  };
}

/** All partnerships, or only those with the given ids (a user's memberships). */
export async function listPartnerships(db: Kysely<Database>, onlyIds?: readonly string[]): Promise<Partnership[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let query = db.selectFrom('partnerships').selectAll().orderBy('name');
  if (onlyIds) query = query.where('id', 'in', onlyIds);
  return (await query.execute()).map(toPartnership);
}

export async function findPartnership(db: Kysely<Database>, idOrSlug: string): Promise<Partnership | undefined> {
  const row = await db
    .selectFrom('partnerships')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
  return row ? toPartnership(row) : undefined;
}
