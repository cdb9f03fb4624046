import type { Kysely } from 'kysely';

/**
 * Data protection (src/dataProtection, docs/data-protection.md):
 * - consultation_retention: how many months after a consultation closes its responses' text as typed, equality answers
 *   and postcodes are kept (absent: the default, 24), and when retention was last applied to it;
 * - withdrawal_requests: a respondent's request, made with their reference on the public page, to withdraw their
 *   response; staff confirm it (which withdraws the response) or decline it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultation_retention')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addPrimaryKeyConstraint('consultation_retention_pk', ['partnership_id', 'consultation_id'])
    .addForeignKeyConstraint(
      'consultation_retention_consultation_fk',
      ['partnership_id', 'consultation_id'],
      'consultations',
      ['partnership_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('withdrawal_requests')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addPrimaryKeyConstraint('withdrawal_requests_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('withdrawal_requests_response_fk', ['partnership_id', 'response_id'], 'responses', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('withdrawal_requests_consultation')
    .on('withdrawal_requests')
    .columns(['partnership_id', 'consultation_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('withdrawal_requests').execute();
  await db.schema.dropTable('consultation_retention').execute();
}
