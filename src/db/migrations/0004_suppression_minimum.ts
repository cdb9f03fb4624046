import type { Kysely } from 'kysely';

/**
 * The smallest base a partnership publishes figures for (docs/analysis.md, "Small bases"). Staff other than admins
 * cannot ask for less; an admin may lower it per request, never below the floor of 3 (analysis/suppression.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partnerships')
    .addColumn('suppression_minimum', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partnerships').dropColumn('suppression_minimum').execute();
}
