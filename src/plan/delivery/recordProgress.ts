/** Delivery: an action's status and progress, one at a time or many from a CSV (all or nothing), and measures' values. */
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import type { MeasureValueInput, ProgressInput } from '../schema.js';
import { type ProgressProblem, readProgressCsv } from './readProgressCsv.js';

interface Scope {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  planId: string;
}

export async function recordProgress(scope: Scope, actionId: string, p: ProgressInput): Promise<void> {
  await scope.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('plan_actions')
      .set({ status: p.status, progress: p.progress, progress_note: p.note, progress_at: nowIso() })
      .where('partnership_id', '=', scope.partnershipId)
      .where('plan_id', '=', scope.planId)
      .where('id', '=', actionId)
      .executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw notFound('Action');
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.progress',
      entity: 'plan',
      entityId: actionId,
      partnershipId: scope.partnershipId,
      detail: { planId: scope.planId, ...p },
    });
  });
}

/** The whole file is checked before anything changes: one bad row rejects it, every problem named by row and column. */
export class ProgressRejected extends AppError {
  constructor(readonly problems: ProgressProblem[]) {
    super(
      'validation_failed',
      422,
      `The progress file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      problems.map((p) => ({ field: p.column || 'file', message: `Row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}` })),
    );
  }
}

export async function importProgress(scope: Scope, csv: string): Promise<{ updated: number }> {
  const actions = await scope.db
    .selectFrom('plan_actions')
    .select(['id', 'reference'])
    .where('partnership_id', '=', scope.partnershipId)
    .where('plan_id', '=', scope.planId)
    .execute();
  const byReference = new Map(actions.map((a) => [a.reference.toUpperCase(), a.id]));
  const read = readProgressCsv(csv, new Set(byReference.keys()));
  if (!read.ok) throw new ProgressRejected(read.problems);
  const now = nowIso();
  await scope.db.transaction().execute(async (trx) => {
    for (const r of read.rows)
      await trx
        .updateTable('plan_actions')
        .set({ status: r.status, progress: r.progress, progress_note: r.note, progress_at: r.date ? `${r.date}T00:00:00.000Z` : now })
        .where('partnership_id', '=', scope.partnershipId)
        .where('id', '=', byReference.get(r.reference) as string)
        .execute();
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.progress.import',
      entity: 'plan',
      entityId: scope.planId,
      partnershipId: scope.partnershipId,
      detail: { rows: read.rows.length },
    });
  });
  return { updated: read.rows.length };
}

export async function recordMeasureValue(scope: Scope, measureId: string, v: MeasureValueInput): Promise<void> {
  await scope.db.transaction().execute(async (trx) => {
    const measure = await trx
      .selectFrom('plan_measures')
      .select('id')
      .where('partnership_id', '=', scope.partnershipId)
      .where('plan_id', '=', scope.planId)
      .where('id', '=', measureId)
      .executeTakeFirst();
    if (!measure) throw notFound('Measure');
    await trx
      .deleteFrom('measure_values')
      .where('partnership_id', '=', scope.partnershipId)
      .where('measure_id', '=', measureId)
      .where('period', '=', v.period)
      .execute();
    await trx
      .insertInto('measure_values')
      .values({ partnership_id: scope.partnershipId, measure_id: measureId, period: v.period, value: v.value, note: v.note, recorded_at: nowIso() })
      .execute();
    await recordAudit(trx, {
      actor: scope.actor,
      action: 'plan.measure.value',
      entity: 'plan',
      entityId: measureId,
      partnershipId: scope.partnershipId,
      detail: { planId: scope.planId, ...v },
    });
  });
}
