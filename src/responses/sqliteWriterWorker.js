// The response writer's own SQLite connection, on a worker thread: while this thread waits for a commit to reach
// the disk (synchronous=FULL), the main thread goes on receiving and validating the next batch. Plain JavaScript
// so the worker starts without a TypeScript loader. Messages: {id, rows} in; {id, results} or {id, error} out.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, columns } = workerData;
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// An import holds the write lock for as long as it reads its file: wait for it rather than fail the batch.
db.pragma('busy_timeout = 120000');

const insert = db.prepare(`insert into responses (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict do nothing`);
const byKey = db.prepare('select id, reference from responses where partnership_id = ? and consultation_id = ? and idempotency_key = ?');

/** Each row: stored, a duplicate of an earlier submission with its Idempotency-Key, or a reference collision. */
const commit = db.transaction((rows) =>
  rows.map((row) => {
    if (insert.run(...columns.map((c) => row[c])).changes === 1) return { status: 'stored' };
    const existing = row.idempotency_key ? byKey.get(row.partnership_id, row.consultation_id, row.idempotency_key) : undefined;
    return existing ? { status: 'duplicate', id: existing.id, reference: existing.reference } : { status: 'collision' };
  }),
);

parentPort.on('message', ({ id, rows }) => {
  try {
    parentPort.postMessage({ id, results: commit(rows) });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
