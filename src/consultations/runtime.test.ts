import { expect, it } from 'vitest';
import { openConsultation } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { ConsultationRuntimeCache } from './runtime.js';

const sleepUntil = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now()) + 5));

describeEachEngine('ConsultationRuntimeCache', ({ handle }) => {
  /** An open consultation whose opening time is set `inMs` ahead, written as given (or as toISOString writes it). */
  async function openingSoon(inMs: number, write: (at: Date) => string = (at) => at.toISOString()) {
    const { partnershipId, consultationId } = await openConsultation(handle(), 'crime-survey', 'Opening soon');
    const opensAt = new Date(Date.now() + inMs);
    await handle()
      .db.updateTable('consultations')
      .set({ opens_at: write(opensAt) })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', consultationId)
      .execute();
    return { consultationId, opensAt: opensAt.getTime() };
  }

  const rename = (consultationId: string) =>
    handle().db.updateTable('consultations').set({ title: 'Renamed' }).where('id', '=', consultationId).execute();

  it('opens a cached consultation at its opening time, without reloading it', async () => {
    const { consultationId, opensAt } = await openingSoon(250);
    const runtimes = new ConsultationRuntimeCache(handle().db);
    expect((await runtimes.get(consultationId))?.consultation.status).toBe('scheduled');
    await rename(consultationId);
    expect((await runtimes.get(consultationId))?.consultation.status).toBe('scheduled');
    await sleepUntil(opensAt);
    const later = await runtimes.get(consultationId);
    expect(later?.consultation).toMatchObject({ status: 'open', title: 'Opening soon' });
  });

  it('still follows the clock exactly for a time not written the way toISOString writes it', async () => {
    // "<the opening time>-01:00" is an hour later as a time, but deriveStatus compares texts: it opens at `opensAt`.
    const { consultationId, opensAt } = await openingSoon(250, (at) => at.toISOString().replace('Z', '-01:00'));
    const runtimes = new ConsultationRuntimeCache(handle().db);
    expect((await runtimes.get(consultationId))?.consultation.status).toBe('scheduled');
    await sleepUntil(opensAt);
    expect((await runtimes.get(consultationId))?.consultation.status).toBe('open');
  });

  it('answers from the cache for a second, then reloads', async () => {
    const { consultationId } = await openConsultation(handle(), 'crime-survey', 'Cached');
    const runtimes = new ConsultationRuntimeCache(handle().db);
    const first = await runtimes.get(consultationId);
    await rename(consultationId);
    expect(await runtimes.get(consultationId)).toBe(first);
    await sleepUntil(Date.now() + 1000);
    expect((await runtimes.get(consultationId))?.consultation.title).toBe('Renamed');
    expect(await runtimes.get('no-such-consultation')).toBeUndefined();
  });
});
