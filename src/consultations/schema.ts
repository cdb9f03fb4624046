import { z } from 'zod';
import { londonLocalToUtcIso } from '../platform/londonTime.js';
import { TEMPLATE_IDS } from '../surveys/index.js';
import { RESULTS_VISIBILITY } from './status.js';

const londonDate = (what: string, endOfDay: boolean) =>
  z
    .string({ message: `Enter the ${what} date` })
    .trim()
    .min(1, `Enter the ${what} date`)
    .transform((text, ctx) => {
      const iso = londonLocalToUtcIso(text, { endOfDay });
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `The ${what} date must be a real date like 2024-07-10 (or 2024-07-10T09:00)` });
        return z.NEVER;
      }
      return iso;
    });

export const newConsultationSchema = z
  .object({
    template: z.enum(TEMPLATE_IDS, { message: `Template must be one of: ${TEMPLATE_IDS.join(', ')}` }),
    title: z.string().trim().min(3, 'Enter a title of at least 3 characters').max(200, 'Title must be 200 characters or fewer'),
    opens: londonDate('opening', false),
    closes: londonDate('closing', true),
    summary: z.string().trim().max(2000).optional(),
    purpose: z.string().trim().max(4000).optional(),
    legalBasis: z.string().trim().max(4000).optional(),
    privacyNotice: z.string().trim().max(8000).optional(),
    resultsVisibility: z.enum(RESULTS_VISIBILITY).default('after_close'),
  })
  .refine((c) => c.closes > c.opens, { message: 'The closing date must be after the opening date', path: ['closes'] });
export type NewConsultation = z.input<typeof newConsultationSchema>;
