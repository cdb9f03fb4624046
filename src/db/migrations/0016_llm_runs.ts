import type { Kysely } from 'kysely';

/**
 * Each time an analyst asks the partnership's LLM to suggest themes for a question's uncoded answers
 * (docs/suggestions.md, "LLM"): who and when, how many answers were sent, and the outcome: the themes and each
 * answer's themes (by reference) as suggestions for a person to accept, or the stage that failed and why. Nothing
 * here is a coding: a person accepts suggestions on the suggestions page, and that is the coding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('llm_runs')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('question_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers_sent', 'integer', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('reason', 'text')
    .addColumn('result', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('llm_runs_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('llm_runs_consultation_fk', ['partnership_id', 'consultation_id'], 'consultations', ['partnership_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('llm_runs_question')
    .on('llm_runs')
    .columns(['partnership_id', 'consultation_id', 'question_code', 'started_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('llm_runs').execute();
}
