import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, session?: Session | null) => void;

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

/**
 * Hands a database result to @fastify/session's callback exactly once. The callback goes on to send the response, so it
 * can throw (a bad header, say); inside the promise chain that would be an unhandled rejection that ends the process,
 * or, with `.then(ok, fail)` written the other way round, a second call. Its error is reported as a warning instead.
 */
function settle<T>(work: Promise<T>, callback: (err: unknown, value?: T) => void): void {
  const outcome = work.then(
    (value) => ({ err: null as unknown, value }),
    (err: unknown) => ({ err: err ?? new Error('session store failed'), value: undefined }),
  );
  void outcome.then(({ err, value }) => {
    try {
      callback(err, value);
    } catch (thrown) {
      process.emitWarning(thrown instanceof Error ? thrown : new Error(String(thrown)), 'SessionStoreCallbackError');
    }
  });
}

/** @fastify/session store keeping sessions in the database, so several app instances share them. */
export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  private writes = 0;

  set(id: string, session: Session, callback: Callback): void {
    // Now and then, forget sessions that have expired, so the table does not grow without end.
    if (++this.writes % 200 === 0) void this.deleteExpired().catch(() => undefined);
    const cookieExpires = (session as { cookie?: { expires?: string | Date | null } }).cookie?.expires;
    const expires = cookieExpires ? new Date(cookieExpires) : new Date(Date.now() + DEFAULT_TTL_MS);
    const row = { id, data: JSON.stringify(session), expires_at: expires.toISOString() };
    settle(
      this.db
        .insertInto('sessions')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
        .execute(),
      (err) => callback(err ?? undefined),
    );
  }

  get(id: string, callback: GetCallback): void {
    const read = this.db.selectFrom('sessions').select(['data', 'expires_at']).where('id', '=', id).executeTakeFirst();
    const live = read.then((row) => (row && row.expires_at >= new Date().toISOString() ? (JSON.parse(row.data) as Session) : null));
    settle(live, (err, session) => (err ? callback(err) : callback(null, session ?? null)));
  }

  async deleteExpired(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
  }

  destroy(id: string, callback: Callback): void {
    settle(this.db.deleteFrom('sessions').where('id', '=', id).execute(), (err) => callback(err ?? undefined));
  }
}
