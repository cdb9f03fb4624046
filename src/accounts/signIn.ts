import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recordAudit } from '../platform/recordAudit.js';
import { auditOwn } from './auditOwn.js';
import { authenticate } from './authenticate.js';
import type { Principal } from './policy.js';
import { findUser } from './queries/findUser.js';
import { twoStepStatus } from './queries/twoStepStatus.js';
import { type AfterPassword, afterPassword, type TwoStepMode } from './twoStep/twoStepStage.js';

export interface PasswordAccepted {
  user: Principal;
  /** Signed in now, or the second step still to come (twoStep/twoStepStage.ts). */
  secondStep: AfterPassword;
}

/**
 * Checks an email and password and writes the attempt to the audit log: the email tried, never the password. An
 * attempt on a known user's email is filed under their partnership; one on an unknown email under none. A correct
 * password is a sign-in only when no second step follows; otherwise it is recorded as accepted, and the sign-in is
 * recorded when the second step is passed (twoStep/passTwoStep.ts, twoStep/enrolTwoStep.ts).
 */
export async function signIn(db: Kysely<Database>, email: string, password: string, mode: TwoStepMode): Promise<PasswordAccepted | undefined> {
  const user = await authenticate(db, email, password);
  const tried = email.trim().toLowerCase();
  if (user) {
    const secondStep = afterPassword(user.role, (await twoStepStatus(db, user.id)).enrolled, mode);
    await (secondStep === 'signed-in' ? auditOwn(db, user, 'session.sign-in') : auditOwn(db, user, 'session.password-accepted', { secondStep }));
    return { user, secondStep };
  }
  const known = await findUser(db, { email: tried });
  await recordAudit(db, {
    actor: { id: null, label: tried },
    action: 'session.sign-in-failed',
    entity: 'user',
    entityId: known?.id ?? null,
    partnershipId: known?.partnershipIds[0] ?? null,
    detail: { email: tried },
  });
  return undefined;
}

/** Writes a sign-out to the audit log. */
export const recordSignOut = (db: Kysely<Database>, user: Principal) => auditOwn(db, user, 'session.sign-out');
