import type { Kysely } from 'kysely';

/**
 * One-time password reset links (accounts/issuePasswordReset.ts): only the SHA-256 of the token is stored, one live
 * link per user (issuing another replaces it), removed when used, when the user is disabled or removed. Install-wide,
 * like `users`. And the indexes the audit log's filters use, each led by `partnership_id` as every page asks within
 * the admin's partnerships, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('password_resets')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_partnership_action_at').on('audit_log').columns(['partnership_id', 'action', 'at']).execute();
  await db.schema.createIndex('audit_log_partnership_entity_at').on('audit_log').columns(['partnership_id', 'entity_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['audit_log_partnership_entity_at', 'audit_log_partnership_action_at']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('password_resets').execute();
}
