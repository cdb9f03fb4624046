// The response writer's own SQLite connection, on a worker thread: while this thread waits for a commit to reach
// the disk (synchronous=FULL), the main thread goes on receiving and validating the next batch. Plain JavaScript
// so the worker starts without a TypeScript loader. Messages: {id, values} in, the batch's column values one row
// after another; {id}, {id, exceptions: [[index, outcome]...]} (the rows not stored as given) or {id, error} out.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, columns } = workerData;
const width = columns.length;
const [partnership, consultation, key, channel, answers] = ['partnership_id', 'consultation_id', 'idempotency_key', 'channel', 'answers'].map((c) =>
  columns.indexOf(c),
);
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// An import holds the write lock for as long as it reads its file: wait for it rather than fail the batch.
db.pragma('busy_timeout = 120000');

const insert = db.prepare(`insert into responses (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) on conflict do nothing`);
const byKey = db.prepare(
  'select id, reference, channel, answers from responses where partnership_id = ? and consultation_id = ? and idempotency_key = ?',
);

/**
 * Each row stored, or a duplicate of an earlier submission with its Idempotency-Key (the same answers: a retry), or
 * the key reused for different answers, or a reference collision. Answers are compared as validated and stored
 * (canonical JSON in the survey's column order), so a retry that orders its fields differently is still a retry.
 */
const commit = db.transaction((values) => {
  const exceptions = [];
  for (let start = 0; start < values.length; start += width) {
    const row = values.slice(start, start + width);
    if (insert.run(row).changes === 1) continue;
    const existing = row[key] ? byKey.get(row[partnership], row[consultation], row[key]) : undefined;
    exceptions.push([start / width, existing ? keyOutcome(existing, row) : { status: 'collision' }]);
  }
  return exceptions;
});

function keyOutcome(existing, row) {
  if (existing.answers !== row[answers] || existing.channel !== row[channel]) return { status: 'key_reused' };
  return { status: 'duplicate', id: existing.id, reference: existing.reference };
}

parentPort.on('message', ({ id, values }) => {
  try {
    const exceptions = commit(values);
    parentPort.postMessage(exceptions.length > 0 ? { id, exceptions } : { id });
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
