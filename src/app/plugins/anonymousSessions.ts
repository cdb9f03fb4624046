import type { SessionStore } from '@fastify/session';
import type { Session } from 'fastify';

/** How long a session without a signed-in user (answers in progress) is kept after its last request. */
export const ANONYMOUS_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * A store whose sessions without a signed-in user expire 2 hours after their last request (each request saves the
 * session again, moving its expiry on); signed-in sessions keep the cookie's 8 hours. Anonymous rows are the ones
 * anybody can make, so they go soonest; the store deletes expired rows now and then.
 */
export function shortAnonymousSessions(store: SessionStore, ttlMs = ANONYMOUS_SESSION_TTL_MS): SessionStore {
  return {
    get: (id, callback) => store.get(id, callback),
    destroy: (id, callback) => store.destroy(id, callback),
    set: (id, session, callback) => {
      if (session.userId) return store.set(id, session, callback);
      const cap = Date.now() + ttlMs;
      const current = session.cookie.expires;
      const expires = current && current.getTime() < cap ? current : new Date(cap);
      // A copy for the store: the session itself, and the cookie the browser gets, are left as they are.
      store.set(id, { ...session, cookie: { ...session.cookie, expires } } as Session, callback);
    },
  };
}
