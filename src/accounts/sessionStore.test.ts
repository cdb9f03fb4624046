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

describeEachEngine('DatabaseSessionStore callbacks', ({ handle }) => {
  it('calls a callback once and keeps its exception out of the promise chain (no unhandled rejection)', async () => {
    const store = new DatabaseSessionStore(handle().db);
    const rejections: unknown[] = [];
    const warnings: Error[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('unhandledRejection', onRejection);
    process.on('warning', onWarning);
    try {
      const future = new Date(Date.now() + 60_000).toISOString();
      const calls = { set: 0, get: 0, destroy: 0 };
      const throwing = (name: keyof typeof calls) => () => {
        calls[name]++;
        throw new TypeError(`Invalid character in header content ["location"] (${name})`);
      };
      store.set('t', { cookie: { expires: future }, userId: 'u' } as never, throwing('set'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      store.get('t', throwing('get'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      store.destroy('t', throwing('destroy'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toEqual({ set: 1, get: 1, destroy: 1 });
      expect(rejections).toEqual([]);
      expect(warnings.map((w) => w.message)).toEqual([
        'Invalid character in header content ["location"] (set)',
        'Invalid character in header content ["location"] (get)',
        'Invalid character in header content ["location"] (destroy)',
      ]);
    } finally {
      process.off('unhandledRejection', onRejection);
      process.off('warning', onWarning);
    }
  });
});
