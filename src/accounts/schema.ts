import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './passwords.js';
import { ROLES } from './roles.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address')
  .email('Enter an email address in the correct format, like name@example.org');

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(200, 'Name must be 200 characters or fewer').default(''),
  role: z.enum(ROLES, { message: `Role must be one of: ${ROLES.join(', ')}` }),
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
