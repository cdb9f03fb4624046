import type { Kysely } from 'kysely';

/**
 * Theme coding of free text (src/coding/): a codebook of themes per consultation, the units coded (a survey answer
 * today: a response and a question; a workshop item later), each unit's note and "quotable" flag per pass, the
 * codings (unit x theme x pass: 'primary', or 'blind' for the second analyst's sample) and the blind sample drawn.
 * Every key leads with partnership_id; every table hangs off the consultation, so deleting it deletes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const consultationFk = ['partnership_id', 'consultation_id'] as const;
  await db.schema
    .createTable('codebooks')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('seeded_at', 'text', (c) => c.notNull())
    .addColumn('seeded_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('codebooks_pk', ['partnership_id', 'consultation_id'])
    .addForeignKeyConstraint('codebooks_consultation_fk', [...consultationFk], 'consultations', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('codebook_themes')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('codebook_themes_pk', ['partnership_id', 'id'])
    .addUniqueConstraint('codebook_themes_code', ['partnership_id', 'consultation_id', 'code'])
    .addForeignKeyConstraint('codebook_themes_codebook_fk', [...consultationFk], 'codebooks', [...consultationFk], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('coding_units')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text')
    .addColumn('question_code', 'text')
    .addColumn('item_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coding_units_pk', ['partnership_id', 'consultation_id', 'unit_key'])
    .addForeignKeyConstraint('coding_units_codebook_fk', [...consultationFk], 'codebooks', [...consultationFk], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('coding_units_response_fk', ['partnership_id', 'response_id'], 'responses', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  const unitFk = ['partnership_id', 'consultation_id', 'unit_key'] as const;
  await db.schema
    .createTable('unit_reviews')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('pass', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('quotable', 'integer', (c) => c.notNull())
    .addColumn('reviewed_by_id', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_reviews_pk', [...unitFk, 'pass'])
    .addForeignKeyConstraint('unit_reviews_unit_fk', [...unitFk], 'coding_units', [...unitFk], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('codings')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('pass', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('coded_by_id', 'text')
    .addColumn('coded_by', 'text', (c) => c.notNull())
    .addColumn('coded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('codings_pk', [...unitFk, 'pass', 'theme_id'])
    .addForeignKeyConstraint('codings_unit_fk', [...unitFk], 'coding_units', [...unitFk], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('codings_theme_fk', ['partnership_id', 'theme_id'], 'codebook_themes', ['partnership_id', 'id'])
    .execute();
  await db.schema.createIndex('codings_by_theme').on('codings').columns(['partnership_id', 'theme_id']).execute();

  await db.schema
    .createTable('blind_samples')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .addColumn('drawn_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blind_samples_pk', [...unitFk])
    .addForeignKeyConstraint('blind_samples_unit_fk', [...unitFk], 'coding_units', [...unitFk], (fk) => fk.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['blind_samples', 'codings', 'unit_reviews', 'coding_units', 'codebook_themes', 'codebooks'])
    await db.schema.dropTable(t).execute();
}
