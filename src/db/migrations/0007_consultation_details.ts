import type { Kysely } from 'kysely';

/**
 * closed_at: when staff closed a consultation early ("Close now"); closes_at keeps the planned closing date, so the
 * record says both what was planned and what happened. Null until closed early, and again once reopened.
 * topics: the partnership's plan themes (their ids, as a JSON list) a consultation is about, for the public hub's filter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultations').addColumn('closed_at', 'text').execute();
  await db.schema
    .alterTable('consultations')
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('consultations').dropColumn('topics').execute();
  await db.schema.alterTable('consultations').dropColumn('closed_at').execute();
}
