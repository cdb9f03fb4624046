import { z } from 'zod';
import { firstValue, formField, oneOf } from '../platform/validation.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
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
    .max(200, 'Password must be 200 characters or fewer'),
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

export const signInPageRequest = z.object({ query: z.object({ next: nextPath }) });
export const signInRequest = z.object({ body: z.object({ email: formField, password: formField, next: nextPath }) });
export const newUserRequest = z.object({
  body: z.object({ email: formField, name: formField, role: formField, password: formField, partnership: formField }),
});
