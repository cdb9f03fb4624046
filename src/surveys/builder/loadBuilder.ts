/** What every builder route starts from: the consultation (the user must manage it), its current survey and response count. */
import { authorize, type Principal } from '../../accounts/index.js';
import type { Services } from '../../app/services.js';
import { loadConsultation, loadSurveyDefinition } from '../../consultations/index.js';
import { findPartnership } from '../../partnerships/index.js';
import { notFound } from '../../platform/errors.js';
import { responseCounts } from '../../responses/index.js';

export async function loadBuilder(services: Services, user: Principal | undefined, consultationId: string) {
  const consultation = await loadConsultation(services.db, consultationId);
  if (!consultation) throw notFound('Consultation');
  const principal = authorize(user, 'consultation:manage', consultation.partnershipId);
  const [partnership, definition, counts] = await Promise.all([
    findPartnership(services.db, consultation.partnershipId),
    loadSurveyDefinition(services.db, consultation, consultation.surveyVersion),
    responseCounts(services.db, consultation.partnershipId, consultation.id),
  ]);
  if (!partnership) throw notFound('Partnership');
  return {
    consultation,
    partnership,
    principal,
    definition,
    responses: counts.total,
    surveyUrl: `/staff/consultations/${consultation.id}/survey`,
    /** The staff preview of a question page as the public will see it (drafts included; nothing is sent from it). */
    previewUrl: (pageCode: string) => `/staff/consultations/${consultation.id}/preview/questions/${encodeURIComponent(pageCode)}`,
  };
}

export type Builder = Awaited<ReturnType<typeof loadBuilder>>;
