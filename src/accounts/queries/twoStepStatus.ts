import type { Kysely, Transaction } from 'kysely';
import { toCount } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';

export interface TwoStepStatus {
  enrolled: boolean;
  enrolledAt: string | undefined;
  /** Recovery codes not yet used. */
  recoveryCodesLeft: number;
}

/** Whether the user has set up two-step verification, since when, and how many recovery codes they have left. */
export async function twoStepStatus(db: Kysely<Database> | Transaction<Database>, userId: string): Promise<TwoStepStatus> {
  const [enrolment, codes] = await Promise.all([
    db.selectFrom('two_step_enrolments').select('enrolled_at').where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('two_step_recovery_codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { enrolled: Boolean(enrolment), enrolledAt: enrolment?.enrolled_at, recoveryCodesLeft: toCount(codes.n as string | number) };
}
