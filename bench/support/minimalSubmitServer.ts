// The two reference points for durable submissions, in their own process:
//   naive: one transaction (one fsync) per request;  group: inserts arriving in one event-loop turn share
//   one transaction, each acknowledged after its commit. Both SQLite WAL with synchronous=FULL, like the app.
// Usage: node --import tsx bench/support/minimalSubmitServer.ts <port> <db file> naive|group
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const [port, file, mode] = [Number(process.argv[2]), String(process.argv[3]), process.argv[4]];
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('create table if not exists responses (id text primary key, answers text not null, submitted_at text not null)');
const insert = db.prepare('insert into responses (id, answers, submitted_at) values (?, ?, ?)');

let queue: { row: [string, string, string]; done: () => void }[] = [];
const flushQueue = db.transaction((batch: typeof queue) => {
  for (const item of batch) insert.run(...item.row);
});
function flush() {
  const batch = queue;
  queue = [];
  flushQueue(batch);
  for (const item of batch) item.done();
}

const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));
app.post('/submit', (request, reply) => {
  const row: [string, string, string] = [crypto.randomUUID(), JSON.stringify(request.body), new Date().toISOString()];
  if (mode === 'naive') {
    insert.run(...row);
    reply.status(201).send({ id: row[0] });
    return;
  }
  if (queue.length === 0) setImmediate(flush);
  queue.push({ row, done: () => reply.status(201).send({ id: row[0] }) });
});
await app.listen({ port, host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
