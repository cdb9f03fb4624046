/** The report command's work: build the report for the partnership, render it and write it atomically. */
import { writeFile } from 'node:fs/promises';
import { analysisInThisThread } from '../analysis/index.js';
import type { DbHandle } from '../db/database.js';
import { findPartnership } from '../partnerships/index.js';
import { CliError } from '../platform/cli.js';
import { AppError } from '../platform/errors.js';
import { closePdfBrowser } from '../platform/pdf.js';
import { writeAtomically } from '../platform/writeAtomically.js';
import { buildReport, type ReportRequest } from './buildReport.js';
import { type ReportFormat, renderReport } from './render/renderReport.js';

export async function makeReportFile(o: {
  handle: DbHandle;
  partnershipId: string;
  request: ReportRequest;
  format: ReportFormat;
  out: string;
  chromiumPath: string;
}) {
  const partnership = await findPartnership(o.handle.db, o.partnershipId);
  if (!partnership) throw new CliError('No such partnership');
  const runner = analysisInThisThread(o.handle);
  try {
    const doc = await buildReport({ handle: o.handle, runner, partnership, user: undefined }, o.request);
    const rendered = await renderReport(doc, o.format, { chromiumPath: o.chromiumPath });
    await writeAtomically(o.out, { replace: true, write: (partial) => writeFile(partial, rendered.body) });
    return { bytes: rendered.body.length };
  } catch (err) {
    if (err instanceof AppError) throw new CliError([err.message, ...err.fields.map((f) => `${f.field}: ${f.message}`)].join('\n'));
    throw err;
  } finally {
    await Promise.all([runner.close(), closePdfBrowser()]);
  }
}
