import type { Kysely } from 'kysely';
import { toBool } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { CodingPass } from '../units.js';

export interface UnitState {
  themeIds: string[];
  note: string;
  quotable: boolean;
  /** Set once someone saved the unit in this pass (with or without themes). */
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export const EMPTY_STATE: UnitState = { themeIds: [], note: '', quotable: false, reviewedAt: null, reviewedBy: null };

/** Each unit's themes, note and quotable flag in one pass, by unit key (units never looked at are absent). */
export async function unitStates(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  pass: CodingPass,
): Promise<Map<string, UnitState>> {
  const [reviews, codings] = await Promise.all([
    db
      .selectFrom('unit_reviews')
      .select(['unit_key', 'note', 'quotable', 'reviewed_at', 'reviewed_by'])
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('pass', '=', pass)
      .execute(),
    db
      .selectFrom('codings')
      .select(['unit_key', 'theme_id'])
      .where('partnership_id', '=', partnershipId)
      .where('consultation_id', '=', consultationId)
      .where('pass', '=', pass)
      .orderBy('unit_key')
      .orderBy('theme_id')
      .execute(),
  ]);
  const states = new Map<string, UnitState>();
  const stateOf = (key: string) => {
    let s = states.get(key);
    if (!s) {
      s = { ...EMPTY_STATE, themeIds: [] };
      states.set(key, s);
    }
    return s;
  };
  for (const r of reviews)
    Object.assign(stateOf(r.unit_key), { note: r.note, quotable: toBool(r.quotable), reviewedAt: r.reviewed_at, reviewedBy: r.reviewed_by });
  for (const c of codings) stateOf(c.unit_key).themeIds.push(c.theme_id);
  return states;
}

/** The units drawn for blind coding. */
export async function blindSample(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('blind_samples')
    .select('unit_key')
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .execute();
  return new Set(rows.map((r) => r.unit_key));
}
