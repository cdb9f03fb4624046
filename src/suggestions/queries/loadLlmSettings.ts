import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { openSecret } from '../../platform/sealedSecret.js';
import type { LlmEndpoint } from '../llm/runLlmThemes.js';

/** What the settings page shows: never the key, only whether one is saved. */
export interface LlmSettingsView {
  baseUrl: string;
  model: string;
  hasKey: boolean;
  updatedAt: string;
  updatedBy: string;
}

export async function loadLlmSettings(db: Kysely<Database>, partnershipId: string): Promise<LlmSettingsView | undefined> {
  const row = await db.selectFrom('llm_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
  return (
    row && { baseUrl: row.base_url, model: row.model, hasKey: row.api_key_sealed !== null, updatedAt: row.updated_at, updatedBy: row.updated_by }
  );
}

/**
 * The endpoint to call, key opened, for the server side only; undefined without settings. `keyLost` when a key was
 * saved under another SESSION_SECRET: the caller says so instead of calling without it.
 */
export async function loadLlmEndpoint(
  db: Kysely<Database>,
  partnershipId: string,
  secret: string,
): Promise<{ endpoint: LlmEndpoint; keyLost: boolean } | undefined> {
  const row = await db.selectFrom('llm_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (!row) return undefined;
  const apiKey = row.api_key_sealed === null ? '' : openSecret(secret, 'llm-api-key', row.api_key_sealed);
  return { endpoint: { baseUrl: row.base_url, model: row.model, apiKey: apiKey ?? '' }, keyLost: apiKey === undefined };
}
