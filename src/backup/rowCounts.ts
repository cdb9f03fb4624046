/** The counts a backup or restore reports: what an operator checks first. */
export interface HeadlineCounts {
  partnerships: number;
  users: number;
  consultations: number;
  responses: number;
}

export function headlineCounts(all: Record<string, number>): HeadlineCounts {
  return { partnerships: all.partnerships ?? 0, users: all.users ?? 0, consultations: all.consultations ?? 0, responses: all.responses ?? 0 };
}

/**
 * The app's own working tables: a server started on an empty database queues its daily jobs and counts requests
 * there, which does not make the database hold anything a restore would lose.
 */
const WORKING_TABLES = new Set(['jobs', 'rate_limits']);

/** Why a restore into this database is refused (it holds rows: "responses: 40, users: 3"), or undefined when every table is empty. */
export function nonEmptyReason(where: string, all: Record<string, number>): string | undefined {
  const held = Object.entries(all)
    .filter(([table, n]) => n > 0 && !WORKING_TABLES.has(table))
    .sort(([a], [b]) => a.localeCompare(b));
  if (held.length === 0) return undefined;
  const list = held.map(([table, n]) => `${table}: ${n}`).join(', ');
  return `The database ${where} is not empty (${list}): a restore replaces everything in it. Restore into an empty database, or add --force to replace it.`;
}
