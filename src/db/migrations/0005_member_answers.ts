import { type Kysely, sql } from 'kysely';

// The notices as they were and as they now are for surveys answered by name (members' surveys): copied here, not
// imported, so this migration does the same thing whatever the templates say later.
const ANONYMOUS_NOTICE =
  'Your answers are anonymous unless you choose to tell us who you are. We store only the first part of your postcode (for example CV1 2), never the full postcode. Answers are used only to develop the Community Safety Partnership Plan, are reported as statistics, and comments are published only with personal details removed. You can ask the partnership about your data at any time.';
const NAMED_NOTICE =
  'Your answers are linked to your name: the community safety team can see who answered and what they said. Answers are used only to develop the Community Safety Partnership Plan, are reported as statistics, and comments are published only with names and personal details removed. You can ask the partnership about your data at any time.';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The response each signed-in member gave to a members' survey: one each, enforced by the key even when
  // several submissions arrive at once. The key leads with partnership_id like every partnership-owned table.
  await db.schema
    .createTable('member_responses')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('response_reference', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_responses_pk', ['partnership_id', 'consultation_id', 'user_id'])
    .addUniqueConstraint('member_responses_one_each', ['consultation_id', 'user_id'])
    .addForeignKeyConstraint(
      'member_responses_consultation_fk',
      ['partnership_id', 'consultation_id'],
      'consultations',
      ['partnership_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // Surveys not open to the public are answered by name, yet were created with the anonymous default notice.
  await sql`update consultations set privacy_notice = ${NAMED_NOTICE}
    where privacy_notice = ${ANONYMOUS_NOTICE} and audiences not like ${'%"public"%'}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('member_responses').execute();
  await sql`update consultations set privacy_notice = ${ANONYMOUS_NOTICE} where privacy_notice = ${NAMED_NOTICE}`.execute(db);
}
