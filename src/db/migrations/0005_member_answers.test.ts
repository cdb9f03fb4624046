import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openConsultation } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { DEFAULT_PRIVACY_NOTICE, TEMPLATES } from '../../surveys/index.js';
import { down, up } from './0005_member_answers.js';

describeEachEngine('migration 0005_member_answers', ({ handle }) => {
  it("replaces the anonymous default notice of surveys answered by name, leaving public ones and staff's own wording", async () => {
    const { db } = handle();
    const members = await openConsultation(handle(), 'members-survey', 'Members survey');
    const custom = await openConsultation(handle(), 'members-survey', 'Members survey with its own notice');
    const crime = await openConsultation(handle(), 'crime-survey', 'Crime Survey');
    await down(db as unknown as Kysely<unknown>);
    await db
      .updateTable('consultations')
      .set({ privacy_notice: DEFAULT_PRIVACY_NOTICE })
      .where('id', 'in', [members.consultationId, crime.consultationId])
      .execute();
    await db.updateTable('consultations').set({ privacy_notice: 'Our own notice.' }).where('id', '=', custom.consultationId).execute();
    await up(db as unknown as Kysely<unknown>);
    const notices = await db.selectFrom('consultations').select(['id', 'privacy_notice']).execute();
    const noticeOf = (id: string) => notices.find((n) => n.id === id)?.privacy_notice;
    expect(noticeOf(members.consultationId)).toBe(TEMPLATES['members-survey'].privacyNotice);
    expect(noticeOf(custom.consultationId)).toBe('Our own notice.');
    expect(noticeOf(crime.consultationId)).toBe(DEFAULT_PRIVACY_NOTICE);
    expect(await db.selectFrom('member_responses').selectAll().execute()).toEqual([]);
  });
});
