import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DbHandle } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_consultations.js';
import * as m0003 from './migrations/0003_answer_columns.js';
import * as m0004 from './migrations/0004_suppression_minimum.js';
import * as m0005 from './migrations/0005_member_answers.js';
import * as m0006 from './migrations/0006_imports.js';
import * as m0007 from './migrations/0007_consultation_details.js';
import * as m0008 from './migrations/0008_statements.js';
import * as m0009 from './migrations/0009_weighting_margins.js';
import * as m0010 from './migrations/0010_password_resets.js';
import * as m0011 from './migrations/0011_response_versions.js';
import * as m0012 from './migrations/0012_redaction_originals.js';
import * as m0013 from './migrations/0013_coding.js';
import * as m0014 from './migrations/0014_workshops.js';
import * as m0015 from './migrations/0015_llm_settings.js';
import * as m0016 from './migrations/0016_llm_runs.js';
import * as m0017 from './migrations/0017_boundaries.js';
import * as m0018 from './migrations/0018_geography_tables.js';
import * as m0019 from './migrations/0019_crime.js';
import * as m0020 from './migrations/0020_assessment_scores.js';
import * as m0021 from './migrations/0021_partner_datasets.js';
import * as m0022 from './migrations/0022_plans.js';
import * as m0023 from './migrations/0023_jobs.js';
import * as m0024 from './migrations/0024_two_step.js';
import * as m0025 from './migrations/0025_data_protection.js';
import * as m0026 from './migrations/0026_rate_limits.js';
import * as m0027 from './migrations/0027_double_precision.js';

// Listed explicitly (not read from disk) so the same code runs from source, a bundle or a test.
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_consultations': m0002,
  '0003_answer_columns': m0003,
  '0004_suppression_minimum': m0004,
  '0005_member_answers': m0005,
  '0006_imports': m0006,
  '0007_consultation_details': m0007,
  '0008_statements': m0008,
  '0009_weighting_margins': m0009,
  '0010_password_resets': m0010,
  '0011_response_versions': m0011,
  '0012_redaction_originals': m0012,
  '0013_coding': m0013,
  '0014_workshops': m0014,
  '0015_llm_settings': m0015,
  '0016_llm_runs': m0016,
  '0017_boundaries': m0017,
  '0018_geography_tables': m0018,
  '0019_crime': m0019,
  '0020_assessment_scores': m0020,
  '0021_partner_datasets': m0021,
  '0022_plans': m0022,
  '0023_jobs': m0023,
  '0024_two_step': m0024,
  '0025_data_protection': m0025,
  '0026_rate_limits': m0026,
  '0027_double_precision': m0027,
};

/** The migrations this code knows, oldest first: a database that has applied any other comes from newer code. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrateResult {
  applied: string[];
}

/**
 * Applies what is pending. A database already up to date is only read: Kysely's PostgreSQL migration lock is a
 * session-level advisory lock, which pgbouncer in transaction mode could leave held on a pooled connection, so
 * instances starting through pgbouncer take no lock unless a migration is due (docs/deploy.md: run `saferplan
 * migrate` against PostgreSQL directly when upgrading).
 */
export async function migrateToLatest(handle: DbHandle): Promise<MigrateResult> {
  if ((await pendingMigrations(handle)).length === 0) return { applied: [] };
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed on ${handle.describe}: ${(error as Error).message}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** The migrations this code has that the database has not run: a database behind the code is not ready to serve. */
export async function pendingMigrations(handle: DbHandle): Promise<string[]> {
  const known = await new Migrator({ db: handle.db, provider }).getMigrations();
  return known.filter((m) => !m.executedAt).map((m) => m.name);
}
