import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { sealSecret } from '../../platform/sealedSecret.js';
import { parseOrThrow } from '../../platform/validation.js';
import { type LlmSettingsInput, llmSettingsInput } from './llmSettingsSchema.js';

export interface SaveLlmSettingsOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  /** SESSION_SECRET: the key is sealed under it. */
  secret: string;
  /** As entered; a problem is a validation failure naming its field, and nothing is saved. */
  settings: LlmSettingsInput;
}

/**
 * Saves the partnership's LLM endpoint and model, and its API key sealed (a blank key keeps the saved one). Audited
 * with the URL and model and whether the key changed: never the key.
 */
export async function saveLlmSettings({ db, actor, partnershipId, secret, settings }: SaveLlmSettingsOptions): Promise<void> {
  const input = parseOrThrow(llmSettingsInput, settings);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('llm_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
    const keyChange = input.apiKey ? 'replaced' : input.removeKey && before?.api_key_sealed ? 'removed' : 'unchanged';
    const sealed = input.apiKey ? sealSecret(secret, 'llm-api-key', input.apiKey) : input.removeKey ? null : (before?.api_key_sealed ?? null);
    const row = { base_url: input.baseUrl, model: input.model, api_key_sealed: sealed, updated_at: nowIso(), updated_by: actor.label };
    await trx
      .insertInto('llm_settings')
      .values({ partnership_id: partnershipId, ...row })
      .onConflict((oc) => oc.column('partnership_id').doUpdateSet(row))
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'suggestions.set_llm',
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: {
        baseUrl: input.baseUrl,
        model: input.model,
        apiKey: keyChange,
        previous: before ? { baseUrl: before.base_url, model: before.model } : null,
      },
    });
  });
}

/** Removes the partnership's LLM (and its key): suggestions go on without one. Audited; nothing to remove is no change. */
export async function removeLlmSettings({ db, actor, partnershipId }: Omit<SaveLlmSettingsOptions, 'settings' | 'secret'>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('llm_settings').where('partnership_id', '=', partnershipId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await recordAudit(trx, { actor, action: 'suggestions.remove_llm', entity: 'partnership', entityId: partnershipId, partnershipId, detail: {} });
    return true;
  });
}
