import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { formatLondon } from '../platform/londonTime.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { recordedDownload } from '../platform/recordedDownload.js';
import { type TableColumn, type TableFormat, writeTable } from '../platform/tableFiles.js';
import type { DescribedEntry } from './describeEntry.js';
import { type AuditContext, eachDescribedEntry } from './readAuditLog.js';

export const AUDIT_EXPORT_COLUMNS: readonly TableColumn[] = [
  { header: 'When (UK time)', width: 22 },
  { header: 'Who', width: 40 },
  { header: 'What', width: 60 },
  { header: 'Record', width: 40 },
  { header: 'Partnership', width: 40 },
  { header: 'Action', width: 28 },
  { header: 'When (UTC)', width: 26 },
  { header: 'Entry id', width: 38 },
];

export const auditExportRow = (e: DescribedEntry) => [formatLondon(e.at, 'short'), e.who, e.what, e.record, e.partnership, e.action, e.at, e.id];

export interface ExportAuditLogOptions {
  db: Kysely<Database>;
  actor: Actor;
  context: AuditContext;
  format: TableFormat;
  out: NodeJS.WritableStream;
  /** The partnership the download is filed under (the reader's first); none for an install-wide one. */
  partnershipId: string | null;
  /** The filters as the reader gave them, kept with the record of the download. */
  filters: Record<string, string>;
}

/**
 * Writes the matching entries, newest first, and records the download itself (who, the format, the filters, the rows
 * written) before the file ends; one that stops part-way is recorded as not complete.
 */
export async function exportAuditLog({ db, actor, context, format, out, partnershipId, filters }: ExportAuditLogOptions): Promise<{ rows: number }> {
  let rows = 0;
  const described = (async function* () {
    for await (const entry of eachDescribedEntry(db, context)) {
      rows++;
      yield auditExportRow(entry);
    }
  })();
  await recordedDownload(
    out,
    (relay) => writeTable(format, AUDIT_EXPORT_COLUMNS, described, relay, 'Audit log'),
    (complete) =>
      recordAudit(db, {
        actor,
        action: 'audit.export',
        entity: 'audit_log',
        partnershipId,
        detail: { format, rows, filters, ...(complete ? {} : { complete: false }) },
      }),
  );
  return { rows };
}
