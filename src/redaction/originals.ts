import type { Kysely, Transaction } from 'kysely';
import { newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { originalsOfResponse, readRedactionSettings } from './queries/redactionSettings.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Keeps the free text a resident typed, before redaction, when the partnership has chosen to (off by default).
 * Nothing is read or written when the redactor changed nothing, so most responses cost nothing here.
 */
export async function keepOriginals(
  db: Db,
  kept: { partnershipId: string; responseId: string; originals: Record<string, string> },
): Promise<boolean> {
  if (Object.keys(kept.originals).length === 0) return false;
  if (!(await readRedactionSettings(db, kept.partnershipId)).keepOriginals) return false;
  await db
    .insertInto('response_originals')
    .values({ id: newId(), partnership_id: kept.partnershipId, response_id: kept.responseId, answers: toJson(kept.originals), kept_at: nowIso() })
    .execute();
  return true;
}

/** A response's text as typed, for an admin: reading any is itself audited (personal data seen). */
export async function readOriginals(
  db: Kysely<Database>,
  actor: Actor,
  of: { partnershipId: string; consultationId: string; responseId: string; reference: string },
) {
  return db.transaction().execute(async (trx) => {
    const originals = await originalsOfResponse(trx, of.partnershipId, of.responseId);
    if (originals.length > 0)
      await recordAudit(trx, {
        actor,
        action: 'redaction.read-original',
        entity: 'response',
        entityId: of.responseId,
        partnershipId: of.partnershipId,
        detail: { reference: of.reference, consultationId: of.consultationId },
      });
    return originals;
  });
}

export const MAX_RETENTION_DAYS = 3650;

/** Turns keeping originals on or off and sets how long they are kept, audited; turning it off deletes those kept. */
export async function setRedactionSettings(
  db: Kysely<Database>,
  options: { actor: Actor; partnershipId: string; keepOriginals: boolean; retentionDays: number },
): Promise<{ deleted: number }> {
  const { retentionDays } = options;
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)
    throw validationFailed([
      { field: 'retentionDays', message: `Enter how many days to keep the original text, a whole number from 1 to ${MAX_RETENTION_DAYS}` },
    ]);
  return db.transaction().execute(async (trx) => {
    const values = {
      keep_originals: options.keepOriginals ? 1 : 0,
      retention_days: retentionDays,
      changed_at: nowIso(),
      changed_by: options.actor.label,
    };
    await trx
      .insertInto('redaction_settings')
      .values({ partnership_id: options.partnershipId, ...values })
      .onConflict((oc) => oc.column('partnership_id').doUpdateSet(values))
      .execute();
    const deleted = options.keepOriginals
      ? 0
      : Number((await trx.deleteFrom('response_originals').where('partnership_id', '=', options.partnershipId).executeTakeFirst()).numDeletedRows);
    await recordAudit(trx, {
      actor: options.actor,
      action: 'redaction.settings',
      entity: 'partnership',
      entityId: options.partnershipId,
      partnershipId: options.partnershipId,
      detail: { keepOriginals: options.keepOriginals, retentionDays, deleted },
    });
    return { deleted };
  });
}

/**
 * The retention rule: deletes every original kept longer than its partnership's retention period (and any kept by a
 * partnership that no longer keeps them), one audit entry per partnership that lost any. Run when `saferplan serve`
 * starts and by `saferplan text purge-originals`.
 */
export async function purgeOriginals(db: Kysely<Database>, actor: Actor, now = new Date()): Promise<{ partnershipId: string; deleted: number }[]> {
  const holders = await db.selectFrom('response_originals').select('partnership_id').distinct().execute();
  const purged: { partnershipId: string; deleted: number }[] = [];
  for (const { partnership_id: partnershipId } of holders) {
    await db.transaction().execute(async (trx) => {
      const settings = await readRedactionSettings(trx, partnershipId);
      const cutoff = new Date(now.getTime() - settings.retentionDays * 86_400_000).toISOString();
      let query = trx.deleteFrom('response_originals').where('partnership_id', '=', partnershipId);
      if (settings.keepOriginals) query = query.where('kept_at', '<', cutoff);
      const deleted = Number((await query.executeTakeFirst()).numDeletedRows);
      if (deleted === 0) return;
      await recordAudit(trx, {
        actor,
        action: 'redaction.purge-originals',
        entity: 'partnership',
        entityId: partnershipId,
        partnershipId,
        detail: { deleted, retentionDays: settings.retentionDays, before: settings.keepOriginals ? cutoff : null },
      });
      purged.push({ partnershipId, deleted });
    });
  }
  return purged;
}
