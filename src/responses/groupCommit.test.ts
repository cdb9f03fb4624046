import { expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { openDatabase } from '../db/database.js';
import { ResponseWriter } from './groupCommit.js';

const row = (partnershipId: string, consultationId: string, key: string | null) => ({
  partnership_id: partnershipId,
  consultation_id: consultationId,
  survey_version: 1,
  channel: 'online',
  answers: '{}',
  submitted_at: new Date().toISOString(),
  entered_by: null,
  idempotency_key: key,
  import_id: null,
  is_demo: 0,
});

describeEachEngine('ResponseWriter (group commit)', ({ handle }) => {
  it('stores a burst larger than one transaction takes, every row acknowledged', async () => {
    const { partnershipId, consultationId } = await openConsultation(handle(), 'crime-survey', 'Burst');
    const writer = new ResponseWriter(handle());
    try {
      const stored = await Promise.all(Array.from({ length: 6000 }, () => writer.write(row(partnershipId, consultationId, null))));
      expect(new Set(stored.map((s) => s.id)).size).toBe(6000);
      const n = await handle()
        .db.selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('consultation_id', '=', consultationId)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(6000);
    } finally {
      await writer.close();
    }
  });

  it('stores a burst in one go, each acknowledged once committed, and a repeated key once', async () => {
    const { partnershipId, consultationId } = await openConsultation(handle());
    const writer = new ResponseWriter(handle());
    try {
      const stored = await Promise.all([
        ...Array.from({ length: 200 }, () => writer.write(row(partnershipId, consultationId, null))),
        writer.write(row(partnershipId, consultationId, 'same')),
        writer.write(row(partnershipId, consultationId, 'same')),
      ]);
      expect(new Set(stored.map((s) => s.reference)).size).toBe(201);
      expect(stored.at(-1)).toEqual({ ...stored.at(-2), duplicate: true });
      const n = await handle()
        .db.selectFrom('responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('consultation_id', '=', consultationId)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(201);
    } finally {
      await writer.close();
    }
  });

  it("lets a submission go before an import's rows: it waits for one small import commit at most", async () => {
    const { partnershipId, consultationId } = await openConsultation(handle(), 'crime-survey', 'Priority');
    const writer = new ResponseWriter(handle());
    try {
      let bulkStored = 0;
      const bulk = Array.from({ length: 1000 }, () => writer.write(row(partnershipId, consultationId, null), 'bulk').then(() => bulkStored++));
      const storedBefore = (p: Promise<unknown>) => p.then(() => bulkStored);
      // Queued after the import's rows, it is committed before any of them.
      expect(await storedBefore(writer.write(row(partnershipId, consultationId, null)))).toBe(0);
      // Arriving while an import commit is under way, it goes next: after that commit, before the rest.
      await bulk[150];
      const arrivedAt = bulkStored;
      expect(await storedBefore(writer.write(row(partnershipId, consultationId, null)))).toBeLessThanOrEqual(arrivedAt + 50);
      await Promise.all(bulk);
      expect(bulkStored).toBe(1000);
    } finally {
      await writer.close();
    }
  });
});

it('refuses, rather than silently loses, responses for an in-memory SQLite database', async () => {
  const memory = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  const writer = new ResponseWriter(memory);
  await expect(writer.write(row('p', 'c', null))).rejects.toThrow('responses cannot be stored in an in-memory SQLite database');
  await writer.close();
  await memory.close();
});
