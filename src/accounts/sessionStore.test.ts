import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { DatabaseSessionStore } from './sessionStore.js';

const call = <T>(fn: (cb: (err?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

describeEachEngine('DatabaseSessionStore', ({ handle }) => {
  it('stores, reads, replaces and destroys sessions, and forgets expired ones', async () => {
    const store = new DatabaseSessionStore(handle().db);
    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 60_000).toISOString();
    await call((cb) => store.set('a', { cookie: { expires: future }, userId: 'u1' } as never, cb));
    await call((cb) => store.set('a', { cookie: { expires: future }, userId: 'u2' } as never, cb));
    await call((cb) => store.set('old', { cookie: { expires: past }, userId: 'u3' } as never, cb));
    expect(await call((cb) => store.get('a', cb as never))).toEqual({ cookie: { expires: future }, userId: 'u2' });
    expect(await call((cb) => store.get('old', cb as never))).toBeNull();
    await store.deleteExpired();
    const ids = await handle().db.selectFrom('sessions').select('id').execute();
    expect(ids).toEqual([{ id: 'a' }]);
    await call((cb) => store.destroy('a', cb));
    expect(await call((cb) => store.get('a', cb as never))).toBeNull();
  });
});
