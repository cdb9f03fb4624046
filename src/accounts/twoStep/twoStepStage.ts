import type { Role } from '../roles.js';

/** TWO_STEP: 'required' for administrators and analysts signing in with a password, or 'optional' for everyone. */
export type TwoStepMode = 'required' | 'optional';

/** The roles that must use two-step verification when it is required: those who read and manage residents' data. */
export const TWO_STEP_ROLES: readonly Role[] = ['admin', 'analyst'];

export const twoStepRequired = (role: Role, mode: TwoStepMode): boolean => mode === 'required' && TWO_STEP_ROLES.includes(role);

/**
 * What follows a correct password: signed in at once, a code from the authenticator app (anyone who has set it up),
 * or setting it up first (a role that must use it, not yet set up). A sign-in through the council's identity provider
 * (single sign-on) does not come through here: the provider verifies the second step.
 */
export type AfterPassword = 'signed-in' | 'code' | 'set-up';

export const afterPassword = (role: Role, enrolled: boolean, mode: TwoStepMode): AfterPassword =>
  enrolled ? 'code' : twoStepRequired(role, mode) ? 'set-up' : 'signed-in';
