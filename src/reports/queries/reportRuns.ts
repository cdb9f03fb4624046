import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database, ReportRunsTable } from '../../db/schema.js';

export interface ReportRun {
  id: string;
  kind: string;
  format: string;
  params: { consultationId?: string; planId?: string };
  status: 'running' | 'done' | 'failed';
  progress: number;
  message: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
}

const COLUMNS = ['id', 'kind', 'format', 'params', 'status', 'progress', 'message', 'file_name', 'created_at', 'created_by', 'finished_at'] as const;

const toRun = (r: Omit<ReportRunsTable, 'partnership_id' | 'content'>): ReportRun => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  params: fromJson(r.params, {}),
  status: r.status as ReportRun['status'],
  progress: r.progress,
  message: r.message,
  fileName: r.file_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  finishedAt: r.finished_at,
});

/** The partnership's latest report runs (not their files). */
export async function listReportRuns(db: Kysely<Database>, partnershipId: string, limit = 20): Promise<ReportRun[]> {
  const rows = await db
    .selectFrom('report_runs')
    .select(COLUMNS)
    .where('partnership_id', '=', partnershipId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export async function findReportRun(db: Kysely<Database>, partnershipId: string, id: string): Promise<ReportRun | undefined> {
  const row = await db.selectFrom('report_runs').select(COLUMNS).where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
  return row && toRun(row);
}

export async function reportRunFile(db: Kysely<Database>, partnershipId: string, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('report_runs')
    .select('content')
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('status', '=', 'done')
    .executeTakeFirst();
  return row?.content ? Buffer.from(row.content) : undefined;
}
