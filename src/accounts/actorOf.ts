import type { Actor } from '../platform/recordAudit.js';
import type { Principal } from './policy.js';

/** The signed-in user as the audit log names them. */
export const actorOf = (principal: Principal): Actor => ({ id: principal.id, label: principal.email });
