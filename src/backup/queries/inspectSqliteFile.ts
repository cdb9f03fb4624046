import SQLite from 'better-sqlite3';

export interface SqliteFileReport {
  integrity: string;
  /** Applied migrations, or undefined when the file has no migrations table (so is not a SaferPlan database). */
  migrations: string[] | undefined;
  counts: Record<string, number>;
}

/** Reads a SQLite file that no server uses (a backup) without changing it: integrity, migrations, rows per table. */
export function inspectSqliteFile(file: string): SqliteFileReport {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const tables = (
      db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`).all() as { name: string }[]
    ).map((t) => t.name);
    const migrations = tables.includes('kysely_migration')
      ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((m) => m.name)
      : undefined;
    const counts: Record<string, number> = {};
    for (const name of tables.filter((t) => !t.startsWith('kysely_')))
      counts[name] = (db.prepare(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get() as { n: number }).n;
    return { integrity, migrations, counts };
  } finally {
    db.close();
  }
}
