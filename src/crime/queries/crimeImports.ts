import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { CrimeImportSummary } from '../importSummary.js';

export interface CrimeImportRecord {
  id: string;
  status: string;
  startedAt: string;
  startedBy: string;
  files: string[];
  progress: number;
  summary: CrimeImportSummary | null;
}

export async function listCrimeImports(db: Kysely<Database>, partnershipId: string, limit = 20): Promise<CrimeImportRecord[]> {
  const rows = await db
    .selectFrom('crime_imports')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(recordOf);
}

export async function loadCrimeImport(db: Kysely<Database>, partnershipId: string, id: string): Promise<CrimeImportRecord | undefined> {
  const row = await db.selectFrom('crime_imports').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
  return row ? recordOf(row) : undefined;
}

function recordOf(r: {
  id: string;
  status: string;
  started_at: string;
  started_by: string;
  files: string;
  progress: number | string;
  summary: string | null;
}): CrimeImportRecord {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.started_at,
    startedBy: r.started_by,
    files: fromJson<string[]>(r.files, []),
    progress: Number(r.progress),
    summary: fromJson<CrimeImportSummary | null>(r.summary, null),
  };
}
