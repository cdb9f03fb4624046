import { beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildResponses } from '../../../test-support/factories.js';
import { runCli } from '../../../test-support/runCli.js';

describeEachEngine('saferplan responses withdraw and restore', ({ handle, target }) => {
  let id: string;
  let reference: string;
  const row = () =>
    handle()
      .db.selectFrom('responses')
      .select(['withdrawn_at', 'withdrawn_by', 'withdrawal_reason'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const audit = async () =>
    (
      await handle()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_label', 'detail'])
        .where('action', 'like', 'response.%')
        .orderBy('at')
        .execute()
    ).map((e) => [e.action, e.actor_label.startsWith('cli:'), (JSON.parse(e.detail) as { reference: string }).reference]);

  beforeAll(async () => {
    const { consultationId, partnershipId } = await openConsultation(handle(), 'crime-survey', 'CLI survey');
    id = consultationId;
    await buildResponses({ handle: handle(), consultation: { id, partnershipId, surveyVersion: 1 }, answers: [VALID_CRIME_ANSWERS] });
    ({ reference } = await handle().db.selectFrom('responses').select('reference').where('consultation_id', '=', id).executeTakeFirstOrThrow());
  });

  it('withdraws a response with its reason, audited as the command line, and restores it', async () => {
    const withdrawn = await runCli(['--db', target(), 'responses', 'withdraw', id, reference.toLowerCase(), '--reason', 'Sent twice']);
    expect(withdrawn.stderr).toBe(`Withdrew response ${reference}.\n`);
    expect(withdrawn.code).toBe(0);
    expect(JSON.parse(withdrawn.stdout)).toEqual({ reference, withdrawn: true });
    expect(await row()).toMatchObject({ withdrawn_by: expect.stringMatching(/^cli:/), withdrawal_reason: 'Sent twice' });

    const again = await runCli(['--db', target(), 'responses', 'withdraw', id, reference, '--reason', 'Again']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`Response ${reference} is already withdrawn`);

    const restored = await runCli(['--db', target(), 'responses', 'restore', id, reference]);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({ reference, withdrawn: false });
    expect(await row()).toEqual({ withdrawn_at: null, withdrawn_by: null, withdrawal_reason: null });
    expect(await audit()).toEqual([
      ['response.withdraw', true, reference],
      ['response.restore', true, reference],
    ]);
  }, 60_000);

  it('refuses a missing reason, an unknown reference or consultation and a restore of what is not withdrawn, changing nothing', async () => {
    const noReason = await runCli(['--db', target(), 'responses', 'withdraw', id, reference]);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toContain("required option '--reason <text>' not specified");
    const blank = await runCli(['--db', target(), 'responses', 'withdraw', id, reference, '--reason', '  ']);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('Enter why you are withdrawing this response');
    const unknown = await runCli(['--db', target(), 'responses', 'withdraw', id, 'AAAA-BBBB-CC', '--reason', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Response AAAA-BBBB-CC not found');
    const noConsultation = await runCli(['--db', target(), 'responses', 'restore', 'nope', reference]);
    expect(noConsultation.stderr).toContain('No consultation has the id "nope"');
    const notWithdrawn = await runCli(['--db', target(), 'responses', 'restore', id, reference]);
    expect(notWithdrawn.code).toBe(1);
    expect(notWithdrawn.stderr).toContain(`Response ${reference} is not withdrawn`);
    expect((await row()).withdrawn_at).toBeNull();
  }, 60_000);
});
