import { expect, it } from 'vitest';
import { openConsultation, VALID_MEMBERS_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { findMemberResponse } from '../queries/findMemberResponse.js';
import { ConsultationRuntimeCache } from '../runtime.js';
import { submitMemberResponse } from './submitMemberResponse.js';

const ANSWERS = VALID_MEMBERS_ANSWERS;

describeEachEngine('submitMemberResponse', ({ handle }) => {
  it('stores exactly one response when the same member submits five times at once', async () => {
    const { partnershipId, consultationId } = await openConsultation(handle(), 'members-survey', 'Members survey');
    const { id: userId } = await handle().db.selectFrom('users').select('id').where('email', '=', 'admin@saferplan.demo').executeTakeFirstOrThrow();
    const runtimes = new ConsultationRuntimeCache(handle().db);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => submitMemberResponse({ handle: handle(), runtimes, partnershipId, consultationId, userId, answers: ANSWERS })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason.code] : []))).toEqual(Array(4).fill('conflict'));
    const rows = await handle()
      .db.selectFrom('responses')
      .select(['reference', 'submitted_at'])
      .where('consultation_id', '=', consultationId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await findMemberResponse(handle().db, partnershipId, consultationId, userId)).toEqual({
      reference: rows[0]?.reference,
      submittedAt: rows[0]?.submitted_at,
    });
  });
});
