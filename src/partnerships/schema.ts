import { z } from 'zod';
import { formField } from '../platform/validation.js';

export const brandingSchema = z.object({
  /** Header and link colour; must give 4.5:1 contrast with white text. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be a hex colour like #1d4f91')
    .default('#1d4f91'),
  footerText: z.string().max(500).default(''),
});
export type Branding = z.output<typeof brandingSchema>;

export const newPartnershipSchema = z.object({
  name: z.string().trim().min(3, 'Name must be at least 3 characters').max(200, 'Name must be 200 characters or fewer'),
  areaCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[EWSN]\d{8}$/, 'Area code must be an ONS local authority code like E08000026')
    .optional(),
  branding: brandingSchema.default({ colour: '#1d4f91', footerText: '' }),
  isDemo: z.boolean().default(false),
});
export type NewPartnership = z.input<typeof newPartnershipSchema>;

export const partnershipRequest = z.object({ params: z.object({ id: z.string() }) });
/** /brand/<slug>.css: the partnership's colours. */
export const brandRequest = z.object({ params: z.object({ file: z.string().transform((file) => file.replace(/\.css$/, '')) }) });
export const settingsPageRequest = z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.enum(['1']).optional() }) });
/** The settings form; the minimum itself is checked by setSuppressionMinimum, so the form can be shown again with its message. */
export const settingsRequest = z.object({ params: z.object({ id: z.string() }), body: z.object({ suppressionMinimum: formField }) });
