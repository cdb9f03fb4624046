/**
 * A report made in the background from the staff pages: the run is recorded at once (status running), built and
 * rendered on this process with its progress written as it goes, then stored with its file or the reason it failed.
 * A server that stops mid-run leaves it running: serve's start marks such runs failed (failStaleRuns).
 */
import type { Kysely } from 'kysely';
import { newId, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../platform/errors.js';
import { PdfUnavailable } from '../../platform/pdf.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { buildReport, type ReportRequest } from '../buildReport.js';
import { type ReportFormat, renderReport } from '../render/renderReport.js';
import type { ReportContext } from '../reportContext.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export interface StartedRun {
  id: string;
  /** Settles when the run has finished (tests and the bench wait on it; pages do not). */
  finished: Promise<void>;
}

export async function startReportRun(o: {
  db: Kysely<Database>;
  ctx: Omit<ReportContext, 'progress'>;
  actor: Actor;
  request: ReportRequest;
  format: ReportFormat;
  chromiumPath: string;
  /** Told of an unexpected failure (the server's log). */
  onError?: (err: unknown) => void;
}): Promise<StartedRun> {
  const { db } = o;
  const partnershipId = o.ctx.partnership.id;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report_runs')
      .values({
        partnership_id: partnershipId,
        id,
        kind: o.request.kind,
        format: o.format,
        params: toJson({ consultationId: o.request.consultationId, planId: o.request.planId }),
        status: 'running',
        progress: 0,
        message: 'Starting',
        file_name: '',
        content: null,
        created_at: nowIso(),
        created_by: o.actor.label,
        finished_at: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: o.actor,
      action: 'report.generate',
      entity: 'report',
      entityId: id,
      partnershipId,
      detail: { ...o.request, format: o.format },
    });
  });
  const update = (values: { progress?: number; message?: string; status?: string; file_name?: string; content?: Uint8Array; finished_at?: string }) =>
    db.updateTable('report_runs').set(values).where('partnership_id', '=', partnershipId).where('id', '=', id).execute();
  const finished = (async () => {
    try {
      const doc = await buildReport({ ...o.ctx, progress: (progress, message) => update({ progress, message }).then(() => undefined) }, o.request);
      await update({ progress: 90, message: `Writing the ${o.format.toUpperCase()} file` });
      const rendered = await renderReport(doc, o.format, { chromiumPath: o.chromiumPath });
      await update({
        status: 'done',
        progress: 100,
        message: 'Ready',
        file_name: `${slug(doc.title) || o.request.kind}.${rendered.extension}`,
        content: rendered.body,
        finished_at: nowIso(),
      });
    } catch (err) {
      if (!(err instanceof AppError || err instanceof PdfUnavailable)) o.onError?.(err);
      const message =
        err instanceof AppError
          ? [err.message, ...err.fields.map((f) => f.message)].join(': ')
          : err instanceof PdfUnavailable
            ? err.message
            : 'The report could not be made: try again, and tell whoever runs SaferPlan if it fails again';
      await update({ status: 'failed', message, finished_at: nowIso() }).catch(() => undefined);
    }
  })();
  return { id, finished };
}

/** At server start: runs left running by a server that stopped can never finish. */
export async function failStaleRuns(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('report_runs')
    .set({ status: 'failed', message: 'The server restarted while this report was being made: make it again', finished_at: nowIso() })
    .where('status', '=', 'running')
    .execute();
}
