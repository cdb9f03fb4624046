/** Who may answer a consultation: anyone a public one; a members' survey members signed in, or whoever holds an invitation. */
import { can, type Principal } from '../../accounts/index.js';
import type { Consultation } from '../queries/loadConsultation.js';

export type Access = 'public' | 'member' | 'invited' | 'refused';

export function respondentAccess(consultation: Consultation, user: Principal | undefined, invitationId: string | undefined): Access {
  if (can(user, 'survey:respond', consultation)) return consultation.audiences.includes('public') ? 'public' : 'member';
  return invitationId ? 'invited' : 'refused';
}
