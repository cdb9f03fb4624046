import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A partnership's stakeholder register (the seed's Appendix 2): one contact per row, email unique in the partnership.
  await db.schema
    .createTable('stakeholders')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stakeholders_pk', ['partnership_id', 'id'])
    .addUniqueConstraint('stakeholders_email', ['partnership_id', 'email'])
    .execute();

  // The SMTP server a partnership sends its invitations through; the password encrypted (AES-256-GCM, docs/workshops.md).
  await db.schema
    .createTable('smtp_settings')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('security', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password_sealed', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('smtp_settings_pk', ['partnership_id'])
    .execute();

  // A partner workshop (Place, Victim, Offender or a custom theme), linked to the consultation round it informs.
  await db.schema
    .createTable('workshops')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('custom_theme', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_links', 'text', (c) => c.notNull())
    .addColumn('dots', 'integer', (c) => c.notNull())
    .addColumn('voting', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshops_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('workshops_consultation_fk', ['partnership_id', 'consultation_id'], 'consultations', ['partnership_id', 'id'])
    .execute();

  // Who is invited to a workshop (from the register), their personal link's token hash, and whether they came.
  await db.schema
    .createTable('workshop_attendees')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('invited_at', 'text')
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_attendees_pk', ['partnership_id', 'workshop_id', 'stakeholder_id'])
    .addUniqueConstraint('workshop_attendees_token', ['token_hash'])
    .addForeignKeyConstraint('workshop_attendees_workshop_fk', ['partnership_id', 'workshop_id'], 'workshops', ['partnership_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('workshop_attendees_stakeholder_fk', ['partnership_id', 'stakeholder_id'], 'stakeholders', ['partnership_id', 'id'])
    .execute();

  // What was said, one idea per item, with a stable id (for coding) and its text as stored by storedItemText.
  for (const table of ['workshop_items', 'workshop_candidates'] as const)
    await db.schema
      .createTable(table)
      .addColumn('partnership_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['partnership_id', 'id'])
      .addForeignKeyConstraint(`${table}_workshop_fk`, ['partnership_id', 'workshop_id'], 'workshops', ['partnership_id', 'id'], (c) =>
        c.onDelete('cascade'),
      )
      .execute();

  // Each attendee's dots on each candidate priority (only non-zero rows).
  await db.schema
    .createTable('workshop_votes')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('stakeholder_id', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('dots', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_votes_pk', ['partnership_id', 'workshop_id', 'stakeholder_id', 'candidate_id'])
    .addForeignKeyConstraint(
      'workshop_votes_candidate_fk',
      ['partnership_id', 'candidate_id'],
      'workshop_candidates',
      ['partnership_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['workshop_votes', 'workshop_candidates', 'workshop_items', 'workshop_attendees', 'workshops', 'smtp_settings', 'stakeholders'])
    await db.schema.dropTable(table).execute();
}
