/** Adding, changing, removing and importing contacts in a partnership's stakeholder register; each change audited. */
import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { type CsvProblem, parseStakeholderCsv } from './parseStakeholderCsv.js';
import { type StakeholderFields, stakeholderFields } from './stakeholderFields.js';

interface Base {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
}

const columns = (f: StakeholderFields) => ({
  organisation: f.organisation,
  sector: f.sector,
  contact_name: f.contactName,
  email: f.email,
  phone: f.phone,
  role: f.role,
});

async function emailTaken(trx: Transaction<Database>, partnershipId: string, email: string, except?: string) {
  let q = trx.selectFrom('stakeholders').select('id').where('partnership_id', '=', partnershipId).where('email', '=', email);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw validationFailed([{ field: 'email', message: `${email} is already in the register` }]);
}

/** Adds a contact; their email must not be in the register already. */
export async function addStakeholder({ db, actor, partnershipId, fields }: Base & { fields: unknown }): Promise<string> {
  const f = parseOrThrow(stakeholderFields, fields);
  return db.transaction().execute(async (trx) => {
    await emailTaken(trx, partnershipId, f.email);
    const id = newId();
    const at = nowIso();
    await trx
      .insertInto('stakeholders')
      .values({ partnership_id: partnershipId, id, ...columns(f), created_at: at, updated_at: at })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'stakeholder.add',
      entity: 'stakeholder',
      entityId: id,
      partnershipId,
      detail: { organisation: f.organisation, sector: f.sector },
    });
    return id;
  });
}

/** Changes a contact's details, naming the fields that changed in the audit log. */
export async function editStakeholder({ db, actor, partnershipId, id, fields }: Base & { id: string; fields: unknown }): Promise<void> {
  const f = parseOrThrow(stakeholderFields, fields);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('stakeholders')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Stakeholder');
    await emailTaken(trx, partnershipId, f.email, id);
    const after = columns(f);
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
    await trx
      .updateTable('stakeholders')
      .set({ ...after, updated_at: nowIso() })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, { actor, action: 'stakeholder.edit', entity: 'stakeholder', entityId: id, partnershipId, detail: { changed } });
  });
}

/** Removes a contact who is on no workshop's list (attendance and votes are evidence, so they stay whole). */
export async function removeStakeholder({ db, actor, partnershipId, id }: Base & { id: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('stakeholders')
      .select(['organisation'])
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Stakeholder');
    const workshop = await trx
      .selectFrom('workshop_attendees')
      .innerJoin('workshops', (j) =>
        j.onRef('workshops.partnership_id', '=', 'workshop_attendees.partnership_id').onRef('workshops.id', '=', 'workshop_attendees.workshop_id'),
      )
      .select('workshops.title')
      .where('workshop_attendees.partnership_id', '=', partnershipId)
      .where('workshop_attendees.stakeholder_id', '=', id)
      .executeTakeFirst();
    if (workshop) throw conflict(`This contact is on the list for the workshop "${workshop.title}": take them off it first`);
    await trx.deleteFrom('stakeholders').where('partnership_id', '=', partnershipId).where('id', '=', id).execute();
    await recordAudit(trx, {
      actor,
      action: 'stakeholder.remove',
      entity: 'stakeholder',
      entityId: id,
      partnershipId,
      detail: { organisation: row.organisation },
    });
  });
}

export class StakeholderImportRejected extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super(
      `The file was not imported: ${problems.length === 1 ? 'there is 1 problem' : `there are ${problems.length} problems`}. Nothing was changed.`,
    );
  }
}

export interface StakeholderImportResult {
  added: number;
  /** Contacts whose email was already in the register: their details are replaced by the file's. */
  updated: number;
}

/**
 * Imports a CSV of contacts, all or nothing. A contact whose email is already in the register is updated with the
 * file's details (so a re-exported, corrected file can be imported again); every other row is added.
 */
export async function importStakeholders({
  db,
  actor,
  partnershipId,
  csv,
  fileName,
}: Base & { csv: string; fileName: string }): Promise<StakeholderImportResult> {
  const parsed = parseStakeholderCsv(csv);
  if (!parsed.ok) throw new StakeholderImportRejected(parsed.problems);
  return db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom('stakeholders').select(['id', 'email']).where('partnership_id', '=', partnershipId).execute()).map((r) => [
        r.email,
        r.id,
      ]),
    );
    const at = nowIso();
    const result = { added: 0, updated: 0 };
    for (const contact of parsed.contacts) {
      const id = existing.get(contact.email);
      if (id) {
        await trx
          .updateTable('stakeholders')
          .set({ ...columns(contact), updated_at: at })
          .where('partnership_id', '=', partnershipId)
          .where('id', '=', id)
          .execute();
        result.updated += 1;
      } else {
        await trx
          .insertInto('stakeholders')
          .values({ partnership_id: partnershipId, id: newId(), ...columns(contact), created_at: at, updated_at: at })
          .execute();
        result.added += 1;
      }
    }
    await recordAudit(trx, {
      actor,
      action: 'stakeholder.import',
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: { file: fileName, ...result },
    });
    return result;
  });
}
