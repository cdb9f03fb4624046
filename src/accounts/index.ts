// What accounts publishes to other capabilities. Import from here, not from files inside the folder.
export { actorOf } from './actorOf.js';
export { createUser } from './createUser.js';
export type { PendingOidc } from './oidc/oidcSession.js';
export { type Action, authorize, type ConsultationAction, can, type Principal } from './policy.js';
export { listUsers } from './queries/listUsers.js';
export { loadPrincipal } from './queries/loadPrincipal.js';
export { isRole, ROLE_LABELS, ROLES } from './roles.js';
export { DatabaseSessionStore } from './sessionStore.js';
export type { PendingSignIn } from './signInSession.js';
