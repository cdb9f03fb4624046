// Retention runs by itself: the daily job, queued once across instances, deletes what is past its period and is audited.
import { expect, it } from 'vitest';
import { VALID_CRIME_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses } from '../../test-support/factories.js';
import { loadConfig } from '../app/config.js';
import { JobRunner } from '../jobs/index.js';
import { RETENTION_JOB, retentionJobKinds } from './retentionJob.js';

describeEachEngine('the daily retention job', ({ handle }) => {
  it('deletes postcodes of a consultation closed three years ago, records the run, and leaves an open one alone', async () => {
    const { db } = handle();
    const partnership = await buildPartnership({ db, name: 'Retention Test CSP', wards: ['Abbey'] });
    const old = await buildConsultation({ db, partnershipId: partnership.id, stage: 'closed', title: 'Old survey' });
    const current = await buildConsultation({ db, partnershipId: partnership.id, stage: 'open', title: 'Current survey' });
    for (const c of [old, current])
      await buildResponses({ handle: handle(), consultation: c, answers: [0, 1].map(() => ({ ...VALID_CRIME_ANSWERS, ward: 'abbey' })) });
    const longAgo = new Date(Date.now() - 3 * 365 * 86_400_000).toISOString();
    await db.updateTable('consultations').set({ closes_at: longAgo, closed_at: longAgo }).where('id', '=', old.id).execute();

    const jobs = retentionJobKinds();
    const runner = new JobRunner({ handle: handle(), config: loadConfig({}), kinds: jobs.kinds, recurring: jobs.recurring, pollMs: 20 });
    runner.start();
    const done = async () => (await db.selectFrom('jobs').select('status').where('kind', '=', RETENTION_JOB).executeTakeFirst())?.status;
    for (let i = 0; i < 250 && (await done()) !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(await done()).toBe('done');

    const postcodes = async (consultationId: string) =>
      (await db.selectFrom('responses').select('answers').where('consultation_id', '=', consultationId).execute()).filter(
        (r) => (JSON.parse(r.answers) as { postcode?: string }).postcode,
      ).length;
    expect(await postcodes(old.id)).toBe(0);
    expect(await postcodes(current.id)).toBe(2);
    const audit = await db.selectFrom('audit_log').select(['actor_label', 'entity_id']).where('action', '=', 'data.retention-apply').execute();
    expect(audit).toEqual([{ actor_label: 'system:retention', entity_id: old.id }]);
  });
});
