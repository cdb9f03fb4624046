import type { Kysely } from 'kysely';
import { type Action, authorize, type Principal } from '../../accounts/index.js';
import { type Consultation, type ConsultationRuntime, type ConsultationRuntimeCache, loadConsultation } from '../../consultations/index.js';
import type { Database } from '../../db/schema.js';
import { findPartnership, type Partnership } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';

export interface StaffResponses {
  consultation: Consultation;
  partnership: Partnership;
  principal: Principal;
  /** The consultation's current survey and the partnership's wards. */
  runtime: ConsultationRuntime;
}

/** The consultation whose responses a staff page is about, once the user may take `action` on them: unknown ids are not found. */
export async function staffResponses(
  db: Kysely<Database>,
  user: Principal | undefined,
  id: string,
  action: Action,
  runtimes: ConsultationRuntimeCache,
): Promise<StaffResponses> {
  const consultation = await loadConsultation(db, id);
  if (!consultation) throw notFound('Consultation');
  const principal = authorize(user, action, consultation.partnershipId);
  const [partnership, runtime] = await Promise.all([findPartnership(db, consultation.partnershipId), runtimes.get(consultation.id)]);
  if (!partnership || !runtime) throw notFound('Consultation');
  return { consultation, partnership, principal, runtime };
}
