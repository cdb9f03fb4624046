/** Creating and changing a workshop, its list of attendees, their attendance and its voting; each change audited. */
import type { Kysely, Transaction } from 'kysely';
import { fromBool, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import type { VotingState } from './queries/loadWorkshop.js';
import { parseEvidenceLinks, type WorkshopFields, workshopFields } from './workshopFields.js';

interface Base {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
}

async function checkConsultation(trx: Transaction<Database>, partnershipId: string, consultationId: string) {
  if (!consultationId) return null;
  const found = await trx
    .selectFrom('consultations')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', consultationId)
    .executeTakeFirst();
  if (!found) throw validationFailed([{ field: 'consultationId', message: 'Choose one of the partnership’s consultations' }]);
  return consultationId;
}

/** The stakeholders on a workshop's list. */
async function listedIds(trx: Transaction<Database>, partnershipId: string, workshopId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('workshop_attendees')
    .select('stakeholder_id')
    .where('partnership_id', '=', partnershipId)
    .where('workshop_id', '=', workshopId)
    .execute();
  return rows.map((r) => r.stakeholder_id);
}

const columns = (f: WorkshopFields, consultationId: string | null) => ({
  consultation_id: consultationId,
  title: f.title,
  held_on: f.heldOn,
  theme: f.theme,
  custom_theme: f.theme === 'custom' ? f.customTheme : null,
  evidence: f.evidence,
  evidence_links: toJson(parseEvidenceLinks(f.evidenceLinks).links),
  dots: f.dots,
});

export async function createWorkshop({ db, actor, partnershipId, fields }: Base & { fields: unknown }): Promise<string> {
  const f = parseOrThrow(workshopFields, fields);
  return db.transaction().execute(async (trx) => {
    const consultationId = await checkConsultation(trx, partnershipId, f.consultationId);
    const id = newId();
    await trx
      .insertInto('workshops')
      .values({ partnership_id: partnershipId, id, ...columns(f, consultationId), voting: 'not_open', created_at: nowIso() })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'workshop.create',
      entity: 'workshop',
      entityId: id,
      partnershipId,
      detail: { title: f.title, theme: f.theme, heldOn: f.heldOn },
    });
    return id;
  });
}

export async function updateWorkshop({ db, actor, partnershipId, id, fields }: Base & { id: string; fields: unknown }): Promise<void> {
  const f = parseOrThrow(workshopFields, fields);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('workshops').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('Workshop');
    const after = columns(f, await checkConsultation(trx, partnershipId, f.consultationId));
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    await trx.updateTable('workshops').set(after).where('partnership_id', '=', partnershipId).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'workshop.update', entity: 'workshop', entityId: id, partnershipId, detail: { changed } });
  });
}

async function workshopIn(trx: Transaction<Database>, partnershipId: string, id: string) {
  const row = await trx
    .selectFrom('workshops')
    .select(['id', 'voting'])
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Workshop');
  return row;
}

/**
 * Sets who is on the workshop's list, from the register. Someone taken off loses their personal link and any
 * votes (the audit entry names them); someone kept keeps their link, attendance and votes.
 */
export async function setAttendees({
  db,
  actor,
  partnershipId,
  workshopId,
  stakeholderIds,
}: Base & { workshopId: string; stakeholderIds: readonly string[] }): Promise<void> {
  const wanted = [...new Set(stakeholderIds)];
  await db.transaction().execute(async (trx) => {
    await workshopIn(trx, partnershipId, workshopId);
    if (wanted.length) {
      const known = await trx.selectFrom('stakeholders').select('id').where('partnership_id', '=', partnershipId).where('id', 'in', wanted).execute();
      if (known.length !== wanted.length) throw validationFailed([{ field: 'attendees', message: 'Choose people from the partnership’s register' }]);
    }
    const current = await listedIds(trx, partnershipId, workshopId);
    const added = wanted.filter((s) => !current.includes(s));
    const removed = current.filter((s) => !wanted.includes(s));
    if (removed.length) {
      await trx
        .deleteFrom('workshop_votes')
        .where('partnership_id', '=', partnershipId)
        .where('workshop_id', '=', workshopId)
        .where('stakeholder_id', 'in', removed)
        .execute();
      await trx
        .deleteFrom('workshop_attendees')
        .where('partnership_id', '=', partnershipId)
        .where('workshop_id', '=', workshopId)
        .where('stakeholder_id', 'in', removed)
        .execute();
    }
    if (added.length)
      await trx
        .insertInto('workshop_attendees')
        .values(
          added.map((s) => ({
            partnership_id: partnershipId,
            workshop_id: workshopId,
            stakeholder_id: s,
            token_hash: null,
            invited_at: null,
            attended: 0,
          })),
        )
        .execute();
    await recordAudit(trx, {
      actor,
      action: 'workshop.attendees',
      entity: 'workshop',
      entityId: workshopId,
      partnershipId,
      detail: { added, removed },
    });
  });
}

/** Records who came: everyone on the list is marked as attending or not. */
export async function recordAttendance({
  db,
  actor,
  partnershipId,
  workshopId,
  attended,
}: Base & { workshopId: string; attended: readonly string[] }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await workshopIn(trx, partnershipId, workshopId);
    const listed = await listedIds(trx, partnershipId, workshopId);
    if (attended.some((s) => !listed.includes(s))) throw validationFailed([{ field: 'attended', message: 'Choose people on the workshop’s list' }]);
    for (const s of listed)
      await trx
        .updateTable('workshop_attendees')
        .set({ attended: fromBool(attended.includes(s)) })
        .where('partnership_id', '=', partnershipId)
        .where('workshop_id', '=', workshopId)
        .where('stakeholder_id', '=', s)
        .execute();
    await recordAudit(trx, {
      actor,
      action: 'workshop.attendance',
      entity: 'workshop',
      entityId: workshopId,
      partnershipId,
      detail: { attended: attended.length, listed: listed.length },
    });
  });
}

const NEXT: Record<VotingState, VotingState | undefined> = { not_open: 'open', open: 'closed', closed: undefined };

/** Opens voting (once there is a candidate priority), then closes it; closed is final. */
export async function advanceVoting({
  db,
  actor,
  partnershipId,
  workshopId,
  to,
}: Base & { workshopId: string; to: 'open' | 'closed' }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await workshopIn(trx, partnershipId, workshopId);
    if (NEXT[row.voting as VotingState] !== to) throw conflict(to === 'open' ? 'Voting has already been opened' : 'Voting is not open');
    if (to === 'open') {
      const candidate = await trx
        .selectFrom('workshop_candidates')
        .select('id')
        .where('partnership_id', '=', partnershipId)
        .where('workshop_id', '=', workshopId)
        .executeTakeFirst();
      if (!candidate) throw conflict('Add at least one candidate priority before opening voting');
    }
    await trx.updateTable('workshops').set({ voting: to }).where('partnership_id', '=', partnershipId).where('id', '=', workshopId).execute();
    await recordAudit(trx, { actor, action: `workshop.voting_${to}`, entity: 'workshop', entityId: workshopId, partnershipId });
  });
}
