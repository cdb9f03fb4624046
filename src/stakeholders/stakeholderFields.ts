/** A stakeholder's fields, as a form or a CSV row gives them: the one schema both are checked against. Pure. */
import { z } from 'zod';
import { SECTORS } from './sectors.js';

/** PostgreSQL's text cannot hold NUL (SQLite's can): refused here, naming the field, rather than by the driver. */
const noNul = (name: string) => [(s: string) => !s.includes('\u0000'), `The ${name} must not hold a NUL character`] as const;
const text = (name: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${name}`)
    .max(max, `The ${name} must be ${max} characters or fewer`)
    .refine(...noNul(name));

export const stakeholderFields = z.object({
  organisation: text('organisation', 200),
  sector: z.enum(SECTORS, { error: `Choose a sector: ${SECTORS.join(', ')}` }),
  contactName: text('contact name', 200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'The email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
  phone: z
    .string()
    .trim()
    .max(40, 'The phone number must be 40 characters or fewer')
    .regex(/^[0-9+() -]*$/, 'Enter a phone number using only digits, spaces, brackets, + and -'),
  role: z
    .string()
    .trim()
    .max(200, 'The role must be 200 characters or fewer')
    .refine(...noNul('role')),
});
export type StakeholderFields = z.output<typeof stakeholderFields>;

/** The CSV columns, in the template's order, and the field each fills. */
export const CSV_COLUMNS = [
  ['organisation', 'organisation'],
  ['sector', 'sector'],
  ['contact_name', 'contactName'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['role', 'role'],
] as const satisfies readonly (readonly [string, keyof StakeholderFields])[];
