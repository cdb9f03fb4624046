import type { Kysely } from 'kysely';

/**
 * Two-step verification (accounts/twoStep/, docs/accounts.md): a user's TOTP secret, sealed under SESSION_SECRET
 * (platform/sealedSecret.ts) and never stored in clear, with the last time step a code was accepted in (a code is
 * refused again in the same or an earlier step); and their single-use recovery codes, only each code's SHA-256
 * stored, removed when used. Install-wide, like `users`, and removed with the user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('two_step_enrolments')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('last_time_step', 'integer', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('two_step_recovery_codes')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('two_step_recovery_codes_pk', ['user_id', 'code_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('two_step_recovery_codes').execute();
  await db.schema.dropTable('two_step_enrolments').execute();
}
