// A column-store read that fails rejects the caller's promise and nothing else: no unhandled rejection, which
// would take the whole process down (review M5: the store's queue once left a rejected promise behind).
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildConsultation } from '../../../test-support/factories.js';
import { loadSurveyDefinition } from '../../consultations/index.js';
import { listWards } from '../../partnerships/index.js';
import { ColumnStore } from './columnStore.js';
import { tableLayout } from './layout.js';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', record);
});

describeEachEngine('column store failures', ({ handle }) => {
  it('rejects the read, leaves no unhandled rejection, and reads again once the database answers', async () => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
    const consultation = await buildConsultation({ db: handle().db, stage: 'open' });
    const layout = tableLayout(await loadSurveyDefinition(handle().db, consultation, 1), await listWards(handle().db, consultation.partnershipId));
    const key = { partnershipId: consultation.partnershipId, consultationId: consultation.id };
    const store = new ColumnStore(handle());
    // The stored chunks cannot be read while their table is away.
    await sql`alter table answer_chunks rename to answer_chunks_away`.execute(handle().db);
    try {
      await expect(store.table(key, layout)).rejects.toThrow(/answer_chunks/);
      await expect(store.table(key, layout)).rejects.toThrow(/answer_chunks/);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await sql`alter table answer_chunks_away rename to answer_chunks`.execute(handle().db);
    }
    expect(unhandled).toEqual([]);
    expect((await store.table(key, layout)).n).toBe(0);
  });
});
