/**
 * A report made in the background from the staff pages: the run is recorded with a job in one transaction (status
 * queued); whichever instance claims the job builds and renders it, writing progress as it goes, then stores the file
 * or the reason it failed (reportJob.ts). An instance that stops mid-run hands the job to another (docs/jobs.md).
 */
import type { Kysely } from 'kysely';
import { newId, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { queueJob } from '../../jobs/index.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import type { ReportRequest } from '../buildReport.js';
import type { ReportFormat } from '../render/renderReport.js';

export const REPORT_JOB = 'report.generate';

export interface ReportJobPayload {
  runId: string;
  partnershipId: string;
  /** Who asked: the report is built with what they may see. */
  userId: string | null;
  request: ReportRequest;
  format: ReportFormat;
}

export async function queueReportRun(o: {
  db: Kysely<Database>;
  partnershipId: string;
  actor: Actor;
  request: ReportRequest;
  format: ReportFormat;
}): Promise<{ id: string }> {
  const id = newId();
  const payload: ReportJobPayload = { runId: id, partnershipId: o.partnershipId, userId: o.actor.id, request: o.request, format: o.format };
  await o.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_runs')
      .values({
        partnership_id: o.partnershipId,
        id,
        kind: o.request.kind,
        format: o.format,
        params: toJson({ consultationId: o.request.consultationId, planId: o.request.planId }),
        status: 'running',
        progress: 0,
        message: 'Waiting to start',
        file_name: '',
        content: null,
        created_at: nowIso(),
        created_by: o.actor.label,
        finished_at: null,
      })
      .execute();
    await queueJob(trx, { kind: REPORT_JOB, partnershipId: o.partnershipId, payload });
    await recordAudit(trx, {
      actor: o.actor,
      action: 'report.generate',
      entity: 'report',
      entityId: id,
      partnershipId: o.partnershipId,
      detail: { ...o.request, format: o.format },
    });
  });
  return { id };
}
