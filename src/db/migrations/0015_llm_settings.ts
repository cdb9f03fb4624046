import type { Kysely } from 'kysely';

/**
 * A partnership's optional LLM for theme suggestions (docs/suggestions.md, "LLM"): an OpenAI-compatible endpoint, a
 * model, and the API key sealed with AES-256-GCM under a key derived from SESSION_SECRET (never stored in clear, never
 * shown back). One row a partnership at most; no row means no LLM. Set by its admins, each change audited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('llm_settings')
    .addColumn('partnership_id', 'text', (c) => c.primaryKey().references('partnerships.id').onDelete('cascade'))
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('api_key_sealed', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('llm_settings').execute();
}
