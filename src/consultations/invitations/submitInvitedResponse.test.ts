import { expect, it } from 'vitest';
import { openConsultation, VALID_MEMBERS_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { cliActor } from '../../platform/recordAudit.js';
import { ConsultationRuntimeCache } from '../runtime.js';
import { createInvitations } from './createInvitations.js';
import { submitInvitedResponse } from './submitInvitedResponse.js';

const ANSWERS = VALID_MEMBERS_ANSWERS;

describeEachEngine('submitInvitedResponse', ({ handle }) => {
  it('stores exactly one response when the same invitation is used by many submissions at once', async () => {
    const { partnershipId, consultationId } = await openConsultation(handle(), 'members-survey', 'Members survey');
    const {
      created: [invitation],
    } = await createInvitations({
      db: handle().db,
      actor: cliActor(),
      partnershipId,
      consultationId,
      invitees: [{ email: 'cllr@example.org', name: 'Cllr Example' }],
    });
    if (!invitation) throw new Error('no invitation');
    const runtimes = new ConsultationRuntimeCache(handle().db);
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        submitInvitedResponse({ handle: handle(), runtimes, partnershipId, consultationId, invitationId: invitation.id, answers: ANSWERS }),
      ),
    );
    const stored = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a) => a.status === 'rejected');
    expect(stored).toHaveLength(1);
    expect(refused.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill('conflict'));
    const rows = await handle().db.selectFrom('responses').select('reference').where('consultation_id', '=', consultationId).execute();
    expect(rows).toHaveLength(1);
    const claimed = await handle()
      .db.selectFrom('invitations')
      .select('response_reference')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(claimed.response_reference).toBe(rows[0]?.reference);
  });
});
