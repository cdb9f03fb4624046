import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { hashVotingToken } from '../token.js';
import { toWorkshop, type Workshop, type WorkshopText, workshopTexts } from './loadWorkshop.js';

export interface Voter {
  stakeholderId: string;
  contactName: string;
  workshop: Workshop;
  candidates: WorkshopText[];
  /** Their dots so far, by candidate id. */
  dots: Record<string, number>;
}

/** The attendee a personal link belongs to, with their own workshop only (the token decides which). */
export async function findVoter(db: Kysely<Database>, token: string): Promise<Voter | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('workshop_attendees as a')
    .innerJoin('stakeholders as s', (j) => j.onRef('s.partnership_id', '=', 'a.partnership_id').onRef('s.id', '=', 'a.stakeholder_id'))
    .select(['a.partnership_id', 'a.workshop_id', 'a.stakeholder_id', 's.contact_name'])
    .where('a.token_hash', '=', hashVotingToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const workshop = await db
    .selectFrom('workshops')
    .selectAll()
    .where('partnership_id', '=', row.partnership_id)
    .where('id', '=', row.workshop_id)
    .executeTakeFirstOrThrow();
  const votes = await db
    .selectFrom('workshop_votes')
    .select(['candidate_id', 'dots'])
    .where('partnership_id', '=', row.partnership_id)
    .where('workshop_id', '=', row.workshop_id)
    .where('stakeholder_id', '=', row.stakeholder_id)
    .execute();
  return {
    stakeholderId: row.stakeholder_id,
    contactName: row.contact_name,
    workshop: toWorkshop(workshop),
    candidates: (await workshopTexts(db, 'workshop_candidates', row.partnership_id, [row.workshop_id])).map((c) => ({ id: c.id, text: c.text })),
    dots: Object.fromEntries(votes.map((v) => [v.candidate_id, v.dots])),
  };
}
