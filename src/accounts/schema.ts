import { z } from 'zod';
import { firstValue, formField, oneOf } from '../platform/validation.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwordPolicy.js';
import { ROLES } from './roles.js';
import { safeRedirectPath } from './safeRedirect.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .email('Enter an email address in the correct format, like name@example.org');

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, 'Name must be 200 characters or fewer').default(''),
  // Any text in (a form field, a command option), one of the roles out.
  role: oneOf(ROLES, `Role must be one of: ${ROLES.join(', ')}`),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
  partnershipIds: z.array(z.string().min(1)).default([]),
});
export type NewUser = z.input<typeof newUserSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200, 'Enter your password'),
});

/** Where to go after signing in: a path on this site, otherwise the staff home. */
const nextPath = z
  .unknown()
  .optional()
  .transform((next) => safeRedirectPath(firstValue(next)));

export const signInPageRequest = z.object({ query: z.object({ next: nextPath, reset: z.enum(['1']).optional().catch(undefined) }) });
export const signInRequest = z.object({ body: z.object({ email: formField, password: formField, next: nextPath }) });
export const newUserRequest = z.object({
  body: z.object({ email: formField, name: formField, role: formField, password: formField, partnership: formField }),
});

const userParams = z.object({ id: z.string().min(1).max(100) });
/** After a change, the user's page says which one was made. */
export const CHANGES = ['disabled', 'enabled', 'role', 'password', 'two-step'] as const;
export type Change = (typeof CHANGES)[number];
export const userPageRequest = z.object({
  params: userParams,
  query: z.object({ changed: z.enum(CHANGES).optional().catch(undefined) }),
});
export const usersPageRequest = z.object({
  query: z.object({ removed: z.enum(['1']).optional().catch(undefined), added: z.string().max(100).optional().catch(undefined) }),
});
export const userRemoveRequest = z.object({ params: userParams });
export const userStatusRequest = z.object({
  params: userParams,
  body: z.object({ status: formField.pipe(z.enum(['disabled', 'enabled'], { error: 'Choose disable or enable' })) }),
});
export const userRoleRequest = z.object({ params: userParams, body: z.object({ role: formField }) });
export const userPasswordRequest = z.object({ params: userParams, body: z.object({ password: formField }) });
export const ownPasswordRequest = z.object({
  query: z.object({ changed: z.enum(['1']).optional().catch(undefined) }),
  body: z.object({ currentPassword: formField, newPassword: formField }).optional(),
});
export const userResetLinkRequest = z.object({ params: userParams });
/** The reset page: the token as given (checked against the stored hashes, never trusted), and the new password. */
export const resetPasswordRequest = z.object({
  params: z.object({ token: z.string().max(200) }),
  body: z.object({ password: formField }).optional(),
});

/** The second step of signing in: a code from the app or, instead, a recovery code. */
export const twoStepCodeRequest = z.object({ body: z.object({ code: formField, recoveryCode: formField }) });
/** Confirming the set-up with a code from the app. */
export const twoStepSetUpRequest = z.object({ body: z.object({ code: formField }) });
/** Making new recovery codes: the password, or a code from the app. */
export const recoveryCodesRequest = z.object({ body: z.object({ password: formField, code: formField }) });
/** Turning it off: the password. */
export const turnOffTwoStepRequest = z.object({ body: z.object({ turnOffPassword: formField }) });
export const userTwoStepResetRequest = z.object({ params: userParams });

/** Starting a sign-in with the council's account: where to go afterwards. */
export const oidcStartRequest = z.object({ query: z.object({ next: nextPath }) });
/** The provider's answer: a code and the state, or an error (RFC 6749 4.1.2); each checked further by openid-client. */
const providerParam = z.string().max(4000).optional().catch(undefined);
export const oidcCallbackRequest = z.object({
  query: z.object({ code: providerParam, state: providerParam, error: z.string().max(200).optional().catch(undefined), iss: providerParam }),
});
/** The claims of a checked ID token that SaferPlan reads: the email (or, as Entra ID may give it, the preferred username) and the name. */
export const oidcClaimsSchema = z.object({
  email: emailSchema.optional().catch(undefined),
  preferred_username: emailSchema.optional().catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
});
