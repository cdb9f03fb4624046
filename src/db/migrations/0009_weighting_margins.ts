import type { Kysely } from 'kysely';

/**
 * A partnership's saved population margins for weighting (docs/analysis.md, "Weighting"): one row per
 * `variable,value,population` line, in the order entered. Saved from /staff/partnerships/{id}/margins (audited);
 * the dashboard starts from them and `weighted=on` without margins uses them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('weighting_margins')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('variable', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('population', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('weighting_margins_pk', ['partnership_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('weighting_margins').execute();
}
