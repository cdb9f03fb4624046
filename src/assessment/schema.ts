import { z } from 'zod';
import { formField } from '../platform/validation.js';
import { ISSUES } from './issues.js';

/** The interactive map's data: ward or LSOA areas with their colours and labels. */
export const mapRequest = z.object({
  params: z.object({ id: z.string().max(100) }),
  query: z.object({ level: z.enum(['ward', 'lsoa']).default('ward') }),
});

export const assessmentRequest = z.object({ params: z.object({ id: z.string().max(100) }), query: z.object({ saved: z.string().optional() }) });

const score = (label: string) =>
  formField.pipe(
    z
      .string()
      .trim()
      .regex(/^[1-5]?$/, `Choose a ${label} score from 1 to 5, or leave it to the evidence`)
      .transform((s) => (s === '' ? null : Number(s))),
  );

/** The matrix form: for each issue its harm, likelihood and capacity (blank keeps the pre-filled value) and a rationale. */
export const matrixRequest = z.object({
  params: z.object({ id: z.string().max(100) }),
  body: z.object(
    Object.fromEntries(
      ISSUES.flatMap((i) => [
        [`harm-${i.code}`, score('harm')],
        [`likelihood-${i.code}`, score('likelihood')],
        [`capacity-${i.code}`, score('capacity')],
        [`rationale-${i.code}`, formField],
      ]),
    ) as Record<string, z.ZodType<number | null | string>>,
  ),
});
