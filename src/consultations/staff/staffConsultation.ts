import type { Kysely } from 'kysely';
import { type Action, authorize, type Principal } from '../../accounts/index.js';
import type { Database } from '../../db/schema.js';
import { findPartnership, type Partnership } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import { type Consultation, loadConsultation } from '../queries/loadConsultation.js';

export interface StaffConsultation {
  consultation: Consultation;
  partnership: Partnership;
  /** The signed-in user, allowed the action in the consultation's partnership. */
  principal: Principal;
}

/** The consultation a staff page is about, once the user may take `action` on it: unknown ids are not found. */
export async function staffConsultation(db: Kysely<Database>, user: Principal | undefined, id: string, action: Action): Promise<StaffConsultation> {
  const consultation = await loadConsultation(db, id);
  if (!consultation) throw notFound('Consultation');
  const principal = authorize(user, action, consultation.partnershipId);
  const partnership = await findPartnership(db, consultation.partnershipId);
  if (!partnership) throw notFound('Partnership');
  return { consultation, partnership, principal };
}
