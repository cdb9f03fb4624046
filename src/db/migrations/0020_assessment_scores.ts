import type { Kysely } from 'kysely';

/** The prioritisation matrix's scores an officer has set (docs/assessment.md): one row an issue; unset scores are pre-filled from the evidence. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_scores')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('harm', 'integer')
    .addColumn('likelihood', 'integer')
    .addColumn('capacity', 'integer')
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_scores_pk', ['partnership_id', 'issue'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('assessment_scores').execute();
}
