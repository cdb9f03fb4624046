import type { Kysely } from 'kysely';
import { byDialectOf } from '../byDialect.js';

/** The Community Safety Partnership Plan (docs/plan.md) and its reports (docs/reports.md). Every key is led by partnership_id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plans_pk', ['partnership_id', 'id'])
    .execute();

  // The themes a plan's priorities sit under (the seed's three by default), the plan's own: not a survey template's.
  await db.schema
    .createTable('priority_themes')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('priority_themes_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('priority_themes_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('plan_priorities')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull()) // JSON: victim | offender | place
    .addColumn('pcc_priority_ids', 'text', (c) => c.notNull()) // JSON
    .addPrimaryKeyConstraint('plan_priorities_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('plan_priorities_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  // A priority's evidence: what it points at (kind + ref) and the value it had when linked, to tell changed from current.
  await db.schema
    .createTable('plan_evidence')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('priority_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('linked_value', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_evidence_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('plan_evidence_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('pcc_priorities')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pcc_priorities_pk', ['partnership_id', 'id'])
    .execute();

  // "What works" interventions with their EMMIE ratings (a small library each partnership edits).
  await db.schema
    .createTable('interventions')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('emmie', 'text', (c) => c.notNull()) // JSON: effect, mechanism, moderators, implementation, economic
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interventions_pk', ['partnership_id', 'id'])
    .execute();

  await db.schema
    .createTable('plan_actions')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('priority_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull()) // "A1": what a bulk progress CSV names
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_partner', 'text', (c) => c.notNull())
    .addColumn('supporting_partners', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('intervention_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('progress_note', 'text', (c) => c.notNull())
    .addColumn('progress_at', 'text')
    .addPrimaryKeyConstraint('plan_actions_pk', ['partnership_id', 'id'])
    .addUniqueConstraint('plan_actions_reference', ['partnership_id', 'plan_id', 'reference'])
    .addForeignKeyConstraint('plan_actions_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('plan_measures')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('priority_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('baseline', 'real')
    .addColumn('baseline_note', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_measures_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('plan_measures_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('measure_values')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_values_pk', ['partnership_id', 'measure_id', 'period'])
    .addForeignKeyConstraint('measure_values_measure_fk', ['partnership_id', 'measure_id'], 'plan_measures', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  // Health Inequalities Impact: per priority, a group, the impact on it, the evidence and the mitigation.
  await db.schema
    .createTable('plan_impacts')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('priority_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('group_kind', 'text', (c) => c.notNull())
    .addColumn('group_label', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('breakdown', 'text')
    .addColumn('mitigation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_impacts_pk', ['partnership_id', 'id'])
    .addForeignKeyConstraint('plan_impacts_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();

  // Draft, out for consultation, approved: each a frozen copy of the plan's content when it was made.
  await db.schema
    .createTable('plan_versions')
    .addColumn('partnership_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_versions_pk', ['partnership_id', 'plan_id', 'number'])
    .addForeignKeyConstraint('plan_versions_plan_fk', ['partnership_id', 'plan_id'], 'plans', ['partnership_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  // The officer's words in a generated report, kept between regenerations (report key: "committee:<consultation id>").
  await db.schema
    .createTable('report_narratives')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('report_key', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_narratives_pk', ['partnership_id', 'report_key', 'section'])
    .execute();

  // Reports generated in the background from the staff pages, with progress and the finished file.
  await db.schema
    .createTable('report_runs')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // running | done | failed
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', byDialectOf(db, { sqlite: () => 'blob', postgres: () => 'bytea' }))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('report_runs_pk', ['partnership_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'report_runs',
    'report_narratives',
    'plan_versions',
    'plan_impacts',
    'measure_values',
    'plan_measures',
    'plan_actions',
    'interventions',
    'pcc_priorities',
    'plan_evidence',
    'plan_priorities',
    'priority_themes',
    'plans',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
