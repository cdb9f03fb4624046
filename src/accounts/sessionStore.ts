import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, session?: Session | null) => void;

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

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
    this.db
      .insertInto('sessions')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ data: row.data, expires_at: row.expires_at }))
      .execute()
      .then(() => callback(), callback);
  }

  get(id: string, callback: GetCallback): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row) => {
        if (!row || row.expires_at < new Date().toISOString()) return callback(null, null);
        callback(null, JSON.parse(row.data) as Session);
      }, callback);
  }

  async deleteExpired(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', new Date().toISOString()).execute();
  }

  destroy(id: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('id', '=', id)
      .execute()
      .then(() => callback(), callback);
  }
}
