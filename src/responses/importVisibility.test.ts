import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { type Consultation, ConsultationRuntimeCache, loadConsultation } from '../consultations/index.js';
import { cliActor } from '../platform/recordAudit.js';
import { ResponseWriter } from './groupCommit.js';
import { importResponses } from './importResponses.js';
import { completeImport, startImport } from './queries/importRecords.js';
import { listResponses } from './queries/listResponses.js';
import { responseCounts } from './queries/responseCounts.js';
import { responseCountsByConsultation } from './queries/responseCountsByConsultation.js';
import { responsesArrivedAfter } from './queries/responsesArrivedAfter.js';
import { removeAbandonedImports } from './removeAbandonedImports.js';
import type { ResponseRow } from './responseRow.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saferplan-visibility-'));

describeEachEngine('an import that has not completed', ({ handle }) => {
  let consultation: Consultation;
  let writer: ResponseWriter;
  const row = (importId: string | null, ward = 'earlsdon'): ResponseRow => ({
    partnership_id: consultation.partnershipId,
    consultation_id: consultation.id,
    survey_version: consultation.surveyVersion,
    channel: importId ? 'import' : 'online',
    answers: JSON.stringify({ ...VALID_CRIME_ANSWERS, ward }),
    submitted_at: new Date().toISOString(),
    entered_by: null,
    idempotency_key: null,
    import_id: importId,
    is_demo: 0,
  });
  const key = (importId: string) => ({ partnershipId: consultation.partnershipId, consultationId: consultation.id, importId });
  const total = async () => (await responseCounts(handle().db, consultation.partnershipId, consultation.id)).total;
  /** Every counted response read from the start and from a mark: what the analysis column store sees. */
  const arrivals = async (after: string | null) => {
    const wards: string[] = [];
    const outcome = await responsesArrivedAfter(
      handle(),
      { partnershipId: consultation.partnershipId, consultationId: consultation.id, after },
      (page) => {
        for (const r of page) wards.push(String(r.answers.ward));
      },
    );
    return { outcome, wards };
  };

  beforeAll(async () => {
    const { consultationId } = await openConsultation(handle(), 'crime-survey', 'Import visibility');
    consultation = (await loadConsultation(handle().db, consultationId))!;
    writer = new ResponseWriter(handle());
    return () => writer.close();
  });

  it('counts, lists and hands analysis none of its rows until it completes, then all of them at once', async () => {
    await writer.write(row(null, 'earlsdon'));
    const first = await arrivals(null);
    expect(first.wards).toEqual(['earlsdon']);

    const importId = crypto.randomUUID();
    await startImport(handle().db, { ...key(importId), fileName: 'paper.csv', contentSha256: null, createdBy: null, createdByLabel: null });
    for (let i = 0; i < 3; i++) await writer.write(row(importId, 'foleshill'));
    // A submission after the import's rows: a reader's mark passes the import's rows while they do not count.
    await writer.write(row(null, 'whoberley'));
    expect(await total()).toBe(2);
    expect((await listResponses(handle().db, consultation.partnershipId, consultation.id)).map((r) => r.answers.ward)).toEqual([
      'earlsdon',
      'whoberley',
    ]);
    expect((await responseCountsByConsultation(handle().db, consultation.partnershipId))[consultation.id]).toBe(2);
    if ('stale' in first.outcome) throw new Error('the first read cannot be stale');
    const second = await arrivals(first.outcome.mark);
    expect(second.wards).toEqual(['whoberley']);

    await handle()
      .db.transaction()
      .execute((trx) => completeImport(trx, key(importId), 3));
    expect(await total()).toBe(5);
    // The import's rows came before the mark: reading on from it would miss them, so it is stale.
    if ('stale' in second.outcome) throw new Error('the second read cannot be stale');
    expect((await arrivals(second.outcome.mark)).outcome).toEqual({ stale: true });
    expect((await arrivals(null)).wards.sort()).toEqual(['earlsdon', 'foleshill', 'foleshill', 'foleshill', 'whoberley']);
  });

  it('removes the rows of an import abandoned by a dead process, and leaves a running one alone', async () => {
    const dead = crypto.randomUUID();
    const running = crypto.randomUUID();
    for (const id of [dead, running]) {
      await startImport(handle().db, { ...key(id), fileName: null, contentSha256: null, createdBy: null, createdByLabel: null });
      for (let i = 0; i < 2; i++) await writer.write(row(id));
    }
    await handle().db.updateTable('imports').set({ updated_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', dead).execute();
    const before = await total();
    expect(await removeAbandonedImports(handle())).toBe(1);
    const left = await handle().db.selectFrom('responses').select('import_id').where('import_id', 'in', [dead, running]).execute();
    expect(left.map((r) => r.import_id)).toEqual([running, running]);
    expect(await handle().db.selectFrom('imports').select('id').where('id', '=', dead).execute()).toEqual([]);
    expect(await total()).toBe(before);
  });

  it('stores a real import through the writer, records it, and removes every row when storing fails part way', async () => {
    const header = 'ward,postcode,safe_day,safe_dark,safe_centre_day,safe_centre_dark,concerns,feel_safer';
    const lines = Array.from(
      { length: 2500 },
      (_, i) => `${i % 2 ? 'earlsdon' : 'foleshill'},,very_safe,fairly_safe,fairly_safe,a_bit_unsafe,asb;drugs,Row ${i}`,
    );
    const file = path.join(dir, 'good.csv');
    fs.writeFileSync(file, `${header}\n${lines.join('\n')}\n`);
    const before = await total();
    const run = (w: ResponseWriter) =>
      importResponses({
        handle: handle(),
        runtimes: new ConsultationRuntimeCache(handle().db),
        actor: cliActor(),
        consultationId: consultation.id,
        file,
        writer: w,
        fileName: 'good.csv',
        allowDuplicate: true,
      });
    const done = await run(writer);
    expect(done.imported).toBe(2500);
    expect(await total()).toBe(before + 2500);
    const record = await handle().db.selectFrom('imports').selectAll().where('id', '=', done.importId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ state: 'complete', row_count: 2500, file_name: 'good.csv' });
    expect(record.content_sha256).toMatch(/^[0-9a-f]{64}$/);

    const storedRows = async () =>
      Number(
        (
          await handle()
            .db.selectFrom('responses')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('consultation_id', '=', consultation.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const staging = async () => (await handle().db.selectFrom('imports').select('id').where('state', '=', 'staging').execute()).length;
    const rowsBefore = await storedRows();
    const stagingBefore = await staging();
    // A writer that fails after its first thousand rows: nothing of that import is left behind.
    const failing = new ResponseWriter(handle());
    let writes = 0;
    const write = failing.write.bind(failing);
    failing.write = (r) => (++writes > 1200 ? Promise.reject(new Error('the disk is full')) : write(r));
    await expect(run(failing)).rejects.toThrow('the disk is full');
    await failing.close();
    expect(await total()).toBe(before + 2500);
    expect(await storedRows()).toBe(rowsBefore);
    expect(await staging()).toBe(stagingBefore);
  });
});
