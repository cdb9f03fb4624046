import type { Kysely } from 'kysely';
import type { Consultation } from '../consultations/index.js';
import type { Database } from '../db/schema.js';
import { csvLine } from '../platform/csvSafe.js';
import type { Actor } from '../platform/recordAudit.js';
import { EXPORT_COLUMNS, exportedCodings } from './queries/exportedCodings.js';
import { audit } from './saveTheme.js';

/** The consultation's codings as CSV (cells made safe for spreadsheets), the export recorded in the audit log. */
export async function exportCodingsCsv({ db, actor, consultation }: { db: Kysely<Database>; actor: Actor; consultation: Consultation }) {
  const rows = await exportedCodings(db, consultation);
  const csv = [csvLine(EXPORT_COLUMNS), ...rows.map((r) => csvLine(EXPORT_COLUMNS.map((c) => r[c])))].join('');
  await db.transaction().execute((trx) => audit(trx, actor, 'coding.export', consultation.partnershipId, consultation.id, { rows: rows.length }));
  return { csv, rows: rows.length };
}
