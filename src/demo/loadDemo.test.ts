import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { listConsultations } from '../consultations/queries/listConsultations.js';
import { cliActor } from '../platform/recordAudit.js';
import { responseCounts } from '../responses/queries/responseCounts.js';
import { loadDemo } from './loadDemo.js';

describeEachEngine('loadDemo', ({ handle }) => {
  it('gives the demo partnership a closed Crime Survey with 696 demo responses and an open members survey', async () => {
    const result = await loadDemo(handle(), cliActor());
    const consultations = await listConsultations(handle().db, result.partnershipId);
    const crime = consultations.find((c) => c.template === 'crime-survey');
    const members = consultations.find((c) => c.template === 'members-survey');
    expect(crime).toEqual(
      expect.objectContaining({ status: 'closed', isDemo: true, opensAt: '2024-07-09T23:00:00.000Z', closesAt: '2024-10-02T22:59:59.000Z' }),
    );
    expect(members).toEqual(expect.objectContaining({ status: 'open', isDemo: true, audiences: ['members'] }));
    expect((await responseCounts(handle().db, result.partnershipId, crime!.id)).total).toBe(696);
    expect((await responseCounts(handle().db, result.partnershipId, members!.id)).total).toBe(12);
    const flagged = await handle()
      .db.selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('is_demo', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(flagged.n)).toBe(696 + 12);
  }, 240_000);

  it('gives the demo a stakeholder register and three past workshops, one per theme, fed into the Crime Survey, with items and votes', async () => {
    const { db } = handle();
    const stakeholders = await db.selectFrom('stakeholders').select(['sector', 'email']).execute();
    expect(new Set(stakeholders.map((s) => s.sector)).size).toBe(10);
    expect(stakeholders.every((s) => s.email.endsWith('@example.org'))).toBe(true);
    const workshops = await db
      .selectFrom('workshops')
      .innerJoin('consultations', (j) =>
        j.onRef('consultations.partnership_id', '=', 'workshops.partnership_id').onRef('consultations.id', '=', 'workshops.consultation_id'),
      )
      .select(['workshops.theme', 'consultations.template'])
      .orderBy('workshops.held_on')
      .execute();
    expect(workshops).toEqual(['place', 'victim', 'offender'].map((theme) => ({ theme, template: 'crime-survey' })));
    const count = async (table: 'workshop_items' | 'workshop_candidates' | 'workshop_votes') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect([await count('workshop_items'), await count('workshop_candidates'), await count('workshop_votes')]).toEqual([16, 9, 30]);
  });

  it('loads nothing twice', async () => {
    await loadDemo(handle(), cliActor());
    const n = await handle()
      .db.selectFrom('responses')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(696 + 12);
    expect(
      Number(
        (
          await handle()
            .db.selectFrom('workshops')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(3);
    expect(
      Number(
        (
          await handle()
            .db.selectFrom('stakeholders')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(15);
  });
});
