/** Workshop items (one idea each, captured live) and candidate priorities: added, changed, removed; each audited. */
import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { ITEM_MAX_LENGTH, storedItemText } from './itemText.js';

export type TextKind = 'item' | 'candidate';
const TABLE = { item: 'workshop_items', candidate: 'workshop_candidates' } as const;
const FIELD = { item: 'text', candidate: 'candidate' } as const;
const WHAT = { item: 'the idea', candidate: 'the priority' } as const;

interface Base {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  workshopId: string;
  kind: TextKind;
}

function checked(kind: TextKind, text: string): string {
  const stored = storedItemText(text);
  if (!stored) throw validationFailed([{ field: FIELD[kind], message: `Enter ${WHAT[kind]}` }]);
  if (stored.length > ITEM_MAX_LENGTH)
    throw validationFailed([{ field: FIELD[kind], message: `Keep ${WHAT[kind]} to ${ITEM_MAX_LENGTH} characters or fewer: one idea each` }]);
  return stored;
}

const CANDIDATES_FIXED = 'Candidate priorities cannot change once voting has opened';

/** The workshop's voting state, or undefined when the partnership has no such workshop. */
async function votingOf(trx: Transaction<Database>, partnershipId: string, workshopId: string): Promise<string | undefined> {
  const workshop = await trx
    .selectFrom('workshops')
    .select('voting')
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', workshopId)
    .executeTakeFirst();
  return workshop?.voting;
}

/** One audit entry shape for adding, editing and removing an item or candidate: the workshop, and which one. */
function auditText(
  trx: Transaction<Database>,
  t: { actor: Actor; partnershipId: string; workshopId: string; kind: TextKind; id: string },
  verb: 'add' | 'edit' | 'remove',
) {
  return recordAudit(trx, {
    actor: t.actor,
    action: `workshop.${t.kind}_${verb}`,
    entity: 'workshop',
    entityId: t.workshopId,
    partnershipId: t.partnershipId,
    detail: { [t.kind]: t.id },
  });
}

/** Adds an item or candidate at the end; candidates only before voting opens. Returns its id. */
export async function addText({ db, actor, partnershipId, workshopId, kind, text }: Base & { text: string }): Promise<string> {
  const stored = checked(kind, text);
  return db.transaction().execute(async (trx) => {
    const voting = await votingOf(trx, partnershipId, workshopId);
    if (voting === undefined) throw notFound('Workshop');
    if (kind === 'candidate' && voting !== 'not_open') throw conflict(CANDIDATES_FIXED);
    const last = await trx
      .selectFrom(TABLE[kind])
      .select((eb) => eb.fn.max<number>('position').as('position'))
      .where('partnership_id', '=', partnershipId)
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
    const id = newId();
    await trx
      .insertInto(TABLE[kind])
      .values({
        partnership_id: partnershipId,
        id,
        workshop_id: workshopId,
        text: stored,
        position: Number(last?.position ?? 0) + 1,
        created_at: nowIso(),
        created_by: actor.label,
      })
      .execute();
    await auditText(trx, { actor, partnershipId, workshopId, kind, id }, 'add');
    return id;
  });
}

export async function editText({ db, actor, partnershipId, workshopId, kind, id, text }: Base & { id: string; text: string }): Promise<void> {
  const stored = checked(kind, text);
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable(TABLE[kind])
      .set({ text: stored })
      .where('partnership_id', '=', partnershipId)
      .where('workshop_id', '=', workshopId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound(kind === 'item' ? 'Item' : 'Priority');
    await auditText(trx, { actor, partnershipId, workshopId, kind, id }, 'edit');
  });
}

export async function removeText({ db, actor, partnershipId, workshopId, kind, id }: Base & { id: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (kind === 'candidate') {
      const voting = await votingOf(trx, partnershipId, workshopId);
      if (voting !== undefined && voting !== 'not_open') throw conflict(CANDIDATES_FIXED);
    }
    const row = await trx
      .selectFrom(TABLE[kind])
      .select('text')
      .where('partnership_id', '=', partnershipId)
      .where('workshop_id', '=', workshopId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound(kind === 'item' ? 'Item' : 'Priority');
    await trx
      .deleteFrom(TABLE[kind])
      .where('partnership_id', '=', partnershipId)
      .where('workshop_id', '=', workshopId)
      .where('id', '=', id)
      .execute();
    await auditText(trx, { actor, partnershipId, workshopId, kind, id }, 'remove');
  });
}
