import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface RetentionCandidate {
  partnershipId: string;
  consultationId: string;
  title: string;
  /** When it stopped taking responses: the earlier of its planned close and the time staff closed it. */
  endsAt: string;
  /** The months set for it, or null for the default. */
  months: number | null;
  appliedAt: string | null;
}

/** Consultations that are past the draft stage and have ended, with their retention settings (one partnership, or all). */
export async function retentionCandidates(
  db: Kysely<Database>,
  options: { now: string; partnershipId?: string; consultationId?: string },
): Promise<RetentionCandidate[]> {
  let query = db
    .selectFrom('consultations as c')
    .leftJoin('consultation_retention as r', (join) =>
      join.onRef('r.partnership_id', '=', 'c.partnership_id').onRef('r.consultation_id', '=', 'c.id'),
    )
    .select(['c.partnership_id', 'c.id', 'c.title', 'c.closes_at', 'c.closed_at', 'r.months', 'r.applied_at'])
    .where('c.stage', '!=', 'draft')
    .where((eb) => eb.or([eb('c.closes_at', '<=', options.now), eb('c.closed_at', '<=', options.now)]))
    .orderBy('c.partnership_id')
    .orderBy('c.id');
  if (options.partnershipId) query = query.where('c.partnership_id', '=', options.partnershipId);
  if (options.consultationId) query = query.where('c.id', '=', options.consultationId);
  const rows = await query.execute();
  return rows.map((r) => ({
    partnershipId: r.partnership_id,
    consultationId: r.id,
    title: r.title,
    endsAt: r.closed_at && r.closed_at < r.closes_at ? r.closed_at : r.closes_at,
    months: r.months ?? null,
    appliedAt: r.applied_at ?? null,
  }));
}

/** A consultation's retention setting, or undefined while it has the default. */
export async function retentionSetting(db: Kysely<Database>, partnershipId: string, consultationId: string) {
  return db
    .selectFrom('consultation_retention')
    .select(['months', 'applied_at', 'changed_at', 'changed_by'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .executeTakeFirst();
}
