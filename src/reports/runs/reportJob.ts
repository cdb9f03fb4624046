/** The job that makes a queued report run (queueReportRun.ts): on whichever instance claims it. */
import { z } from 'zod';
import { loadPrincipal } from '../../accounts/index.js';
import { type AnalysisRunner, analysisRunnerFor } from '../../analysis/index.js';
import { nowIso } from '../../db/columnTypes.js';
import { type JobEnvironment, JobFailed, type JobKinds } from '../../jobs/index.js';
import { findPartnership } from '../../partnerships/index.js';
import { AppError } from '../../platform/errors.js';
import { PdfUnavailable } from '../../platform/pdf.js';
import { buildReport } from '../buildReport.js';
import { REPORT_FORMATS, renderReport } from '../render/renderReport.js';
import { REPORT_KINDS } from '../reportContext.js';
import { REPORT_JOB } from './queueReportRun.js';

const payloadSchema = z.object({
  runId: z.string(),
  partnershipId: z.string(),
  userId: z.string().nullable(),
  request: z.object({ kind: z.enum(REPORT_KINDS), consultationId: z.string().optional(), planId: z.string().optional() }),
  format: z.enum(REPORT_FORMATS),
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

const GAVE_UP = 'The report could not be made: try again, and tell whoever runs SaferPlan if it fails again';

/** What a person is told when a report cannot be made for a reason they can act on. */
const reasonOf = (err: unknown): string | undefined =>
  err instanceof AppError ? [err.message, ...err.fields.map((f) => f.message)].join(': ') : err instanceof PdfUnavailable ? err.message : undefined;

export function reportJobKinds(env: JobEnvironment): JobKinds {
  let runner: AnalysisRunner | undefined;
  const { db } = env.handle;
  const update = (
    p: { partnershipId: string; runId: string },
    values: { progress?: number; message?: string; status?: string; file_name?: string; content?: Uint8Array; finished_at?: string },
  ) => db.updateTable('report_runs').set(values).where('partnership_id', '=', p.partnershipId).where('id', '=', p.runId).execute();

  return {
    kinds: {
      [REPORT_JOB]: {
        async run(raw, ctx) {
          const p = payloadSchema.parse(raw);
          const partnership = await findPartnership(db, p.partnershipId);
          if (!partnership) throw new JobFailed('The partnership no longer exists');
          const user = p.userId ? await loadPrincipal(db, p.userId) : undefined;
          runner ??= analysisRunnerFor(env.readHandle);
          const progress = async (percent: number, message: string) => {
            await update(p, { progress: Math.round(percent * 0.9), message, status: 'running' });
            await ctx.progress(percent * 0.9, message);
          };
          try {
            await progress(0, 'Starting');
            const doc = await buildReport({ handle: env.handle, runner, partnership, user, progress }, p.request);
            await progress(100, `Writing the ${p.format.toUpperCase()} file`);
            const rendered = await renderReport(doc, p.format, { chromiumPath: env.config.chromiumPath });
            await update(p, {
              status: 'done',
              progress: 100,
              message: 'Ready',
              file_name: `${slug(doc.title) || p.request.kind}.${rendered.extension}`,
              content: rendered.body,
              finished_at: nowIso(),
            });
          } catch (err) {
            const reason = reasonOf(err);
            if (reason === undefined) throw err;
            throw new JobFailed(reason);
          }
        },
        async gaveUp(raw, { reason, forPeople }) {
          const p = payloadSchema.safeParse(raw);
          if (p.success) await update(p.data, { status: 'failed', message: forPeople ? reason : GAVE_UP, finished_at: nowIso() });
        },
      },
    },
    close: async () => runner?.close(),
  };
}
