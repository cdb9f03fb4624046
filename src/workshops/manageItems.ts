/** Workshop items (one idea each, captured live) and candidate priorities: added, changed, removed; each audited. */
import type { Kysely } from 'kysely';
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

/** Adds an item or candidate at the end; candidates only before voting opens. Returns its id. */
export async function addText({ db, actor, partnershipId, workshopId, kind, text }: Base & { text: string }): Promise<string> {
  const stored = checked(kind, text);
  return db.transaction().execute(async (trx) => {
    const workshop = await trx
      .selectFrom('workshops')
      .select('voting')
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', workshopId)
      .executeTakeFirst();
    if (!workshop) throw notFound('Workshop');
    if (kind === 'candidate' && workshop.voting !== 'not_open') throw conflict('Candidate priorities cannot change once voting has opened');
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
    await recordAudit(trx, {
      actor,
      action: `workshop.${kind}_add`,
      entity: 'workshop',
      entityId: workshopId,
      partnershipId,
      detail: { [kind]: id },
    });
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
    await recordAudit(trx, {
      actor,
      action: `workshop.${kind}_edit`,
      entity: 'workshop',
      entityId: workshopId,
      partnershipId,
      detail: { [kind]: id },
    });
  });
}

export async function removeText({ db, actor, partnershipId, workshopId, kind, id }: Base & { id: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (kind === 'candidate') {
      const workshop = await trx
        .selectFrom('workshops')
        .select('voting')
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', workshopId)
        .executeTakeFirst();
      if (workshop && workshop.voting !== 'not_open') throw conflict('Candidate priorities cannot change once voting has opened');
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
    await recordAudit(trx, {
      actor,
      action: `workshop.${kind}_remove`,
      entity: 'workshop',
      entityId: workshopId,
      partnershipId,
      detail: { [kind]: id },
    });
  });
}
