import type { Kysely } from 'kysely';

/**
 * Responses an officer can manage. A correction keeps the answers it replaced as a version of their own
 * (response_versions: the previous answers, who changed them, when and why), while the response's `answers` column
 * holds the current ones and its `version` counts the versions (1 until the first correction). A withdrawn response
 * (withdrawn_at set, with who and why) stays stored but counts for nothing (responses/queries/countedResponses.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('responses')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('responses').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('responses').addColumn('withdrawn_by', 'text').execute();
  await db.schema.alterTable('responses').addColumn('withdrawal_reason', 'text').execute();
  await db.schema
    .createTable('response_versions')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('survey_version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('changed_by_id', 'text')
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_versions_pk', ['partnership_id', 'response_id', 'version'])
    .addForeignKeyConstraint('response_versions_response_fk', ['partnership_id', 'response_id'], 'responses', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('response_versions').execute();
  for (const column of ['withdrawal_reason', 'withdrawn_by', 'withdrawn_at', 'version']) {
    await db.schema.alterTable('responses').dropColumn(column).execute();
  }
}
