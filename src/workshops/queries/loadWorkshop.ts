import type { Kysely } from 'kysely';
import { fromJson, toBool } from '../../db/columnTypes.js';
import type { Database, WorkshopsTable } from '../../db/schema.js';
import type { EvidenceLink } from '../workshopFields.js';

export type VotingState = 'not_open' | 'open' | 'closed';

export interface Workshop {
  id: string;
  partnershipId: string;
  consultationId: string | null;
  title: string;
  heldOn: string;
  theme: string;
  customTheme: string | null;
  evidence: string;
  evidenceLinks: EvidenceLink[];
  dots: number;
  voting: VotingState;
}

export interface WorkshopText {
  /** Stable: coding keys on it. */
  id: string;
  text: string;
}

export interface Attendee {
  stakeholderId: string;
  organisation: string;
  contactName: string;
  email: string;
  invitedAt: string | null;
  attended: boolean;
  voted: boolean;
}

export interface WorkshopDetail extends Workshop {
  attendees: Attendee[];
  items: WorkshopText[];
  /** Candidate priorities with their dots so far, in the order listed. */
  candidates: (WorkshopText & { dots: number })[];
}

export const toWorkshop = (r: WorkshopsTable): Workshop => ({
  id: r.id,
  partnershipId: r.partnership_id,
  consultationId: r.consultation_id,
  title: r.title,
  heldOn: r.held_on,
  theme: r.theme,
  customTheme: r.custom_theme,
  evidence: r.evidence,
  evidenceLinks: fromJson<EvidenceLink[]>(r.evidence_links, []),
  dots: r.dots,
  voting: r.voting as VotingState,
});

/** One of the partnership's workshops, or undefined (another partnership's id finds nothing). */
export async function findWorkshop(db: Kysely<Database>, partnershipId: string, id: string): Promise<Workshop | undefined> {
  const row = await db.selectFrom('workshops').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
  return row && toWorkshop(row);
}

export async function workshopTexts(
  db: Kysely<Database>,
  table: 'workshop_items' | 'workshop_candidates',
  partnershipId: string,
  workshopIds: readonly string[],
) {
  if (workshopIds.length === 0) return [];
  return db
    .selectFrom(table)
    .select(['id', 'workshop_id', 'text'])
    .where('partnership_id', '=', partnershipId)
    .where('workshop_id', 'in', workshopIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Dots per candidate, for the given workshops. */
export async function candidateTotals(db: Kysely<Database>, partnershipId: string, workshopIds: readonly string[]): Promise<Map<string, number>> {
  if (workshopIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('workshop_votes')
    .select(['candidate_id', (eb) => eb.fn.sum<number>('dots').as('dots')])
    .where('partnership_id', '=', partnershipId)
    .where('workshop_id', 'in', workshopIds)
    .groupBy('candidate_id')
    .execute();
  return new Map(rows.map((r) => [r.candidate_id, Number(r.dots)]));
}

export async function loadWorkshopDetail(db: Kysely<Database>, partnershipId: string, id: string): Promise<WorkshopDetail | undefined> {
  const workshop = await findWorkshop(db, partnershipId, id);
  if (!workshop) return undefined;
  const attendees = await db
    .selectFrom('workshop_attendees as a')
    .innerJoin('stakeholders as s', (j) => j.onRef('s.partnership_id', '=', 'a.partnership_id').onRef('s.id', '=', 'a.stakeholder_id'))
    .select(['a.stakeholder_id', 's.organisation', 's.contact_name', 's.email', 'a.invited_at', 'a.attended'])
    .where('a.partnership_id', '=', partnershipId)
    .where('a.workshop_id', '=', id)
    .orderBy('s.organisation')
    .orderBy('s.contact_name')
    .execute();
  const voters = new Set(
    (
      await db
        .selectFrom('workshop_votes')
        .select('stakeholder_id')
        .distinct()
        .where('partnership_id', '=', partnershipId)
        .where('workshop_id', '=', id)
        .execute()
    ).map((r) => r.stakeholder_id),
  );
  const totals = await candidateTotals(db, partnershipId, [id]);
  return {
    ...workshop,
    attendees: attendees.map((a) => ({
      stakeholderId: a.stakeholder_id,
      organisation: a.organisation,
      contactName: a.contact_name,
      email: a.email,
      invitedAt: a.invited_at,
      attended: toBool(a.attended),
      voted: voters.has(a.stakeholder_id),
    })),
    items: (await workshopTexts(db, 'workshop_items', partnershipId, [id])).map((r) => ({ id: r.id, text: r.text })),
    candidates: (await workshopTexts(db, 'workshop_candidates', partnershipId, [id])).map((r) => ({
      id: r.id,
      text: r.text,
      dots: totals.get(r.id) ?? 0,
    })),
  };
}

/** The partnership's workshops, latest first. */
export async function listWorkshops(db: Kysely<Database>, partnershipId: string): Promise<Workshop[]> {
  const rows = await db
    .selectFrom('workshops')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .orderBy('held_on', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toWorkshop);
}
