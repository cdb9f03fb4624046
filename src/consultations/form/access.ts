/** Who may answer a consultation: anyone for a public one; members' surveys only signed-in members or invitees. */
import { can, type Principal } from '../../accounts/index.js';
import type { Consultation } from '../queries/loadConsultation.js';

export type Access = 'public' | 'member' | 'invited' | 'refused';

export function respondentAccess(consultation: Consultation, user: Principal | undefined, invitationId: string | undefined): Access {
  if (consultation.audiences.includes('public')) return 'public';
  if (user && can(user, 'survey:answer-members', consultation.partnershipId)) return 'member';
  return invitationId ? 'invited' : 'refused';
}
