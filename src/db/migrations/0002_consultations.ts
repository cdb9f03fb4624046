import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('privacy_notice', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('results_visibility', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultations_pk', ['partnership_id', 'id'])
    .addUniqueConstraint('consultations_slug', ['partnership_id', 'slug'])
    .execute();

  // Every version of a survey stays, so each stored response can be read against the questions it answered.
  await db.schema
    .createTable('survey_versions')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_versions_pk', ['partnership_id', 'consultation_id', 'version'])
    .addForeignKeyConstraint(
      'survey_versions_consultation_fk',
      ['partnership_id', 'consultation_id'],
      'consultations',
      ['partnership_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // Append-only: a stored response is never edited in place.
  await db.schema
    .createTable('responses')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('import_id', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('responses_pk', ['partnership_id', 'id'])
    .addUniqueConstraint('responses_reference', ['partnership_id', 'reference'])
    .addUniqueConstraint('responses_idempotency', ['partnership_id', 'consultation_id', 'idempotency_key'])
    .addForeignKeyConstraint('responses_consultation_fk', ['partnership_id', 'consultation_id'], 'consultations', ['partnership_id', 'id'])
    .execute();
  await db.schema.createIndex('responses_by_consultation').on('responses').columns(['partnership_id', 'consultation_id', 'submitted_at']).execute();

  // Personal invitation links for the members' survey; only a hash of the token is stored.
  await db.schema
    .createTable('invitations')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('response_reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('invitations_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('invitations_consultation_fk', ['partnership_id', 'consultation_id'], 'consultations', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['invitations', 'responses', 'survey_versions', 'consultations']) await db.schema.dropTable(t).execute();
}
