import type { Actor } from '../accounts/recordAudit.js';
import { loadDemoConsultations } from '../consultations/demo/loadDemoConsultations.js';
import type { DbHandle } from '../db/database.js';
import { type DemoLoadResult, loadDemoPartnership } from '../partnerships/demo/loadDemoPartnership.js';

/** The whole demo: the partnership and its geography, then its consultations with demo responses. Idempotent. */
export async function loadDemo(
  handle: DbHandle,
  actor: Actor,
): Promise<DemoLoadResult & { consultations: { crimeSurveyId: string; membersSurveyId: string } }> {
  const partnership = await loadDemoPartnership(handle.db, actor);
  const consultations = await loadDemoConsultations(handle, actor, partnership.partnershipId);
  return { ...partnership, consultations };
}
