import { z } from 'zod';
import { formField } from '../platform/validation.js';

const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'Give a month as YYYY-MM');

/** GET /api/v1/partnerships/{id}/crime?groupBy=ward|lsoa|month|type[&from=YYYY-MM][&to=YYYY-MM][&type=...] */
export const crimeStatsRequest = z.object({
  params: z.object({ id: z.string().max(100) }),
  query: z.object({
    groupBy: z.enum(['lsoa', 'ward', 'month', 'type']),
    from: month.optional(),
    to: month.optional(),
    type: z
      .union([z.string().max(100), z.array(z.string().max(100)).max(50)])
      .optional()
      .transform((t) => (t === undefined ? undefined : Array.isArray(t) ? t : [t])),
  }),
});

export const crimeGroupSchema = z.object({
  key: z.string().nullable().describe('LSOA or ward ONS code (the ward code where it has none), month YYYY-MM, or crime type'),
  name: z.string().optional().describe('The LSOA or ward name'),
  count: z.number().int(),
  rate: z.number().nullable().describe('Per 1,000 residents where the population is known'),
});
export const crimeStatsSchema = z.object({ groups: z.array(crimeGroupSchema) });

export const crimeImportsRequest = z.object({ params: z.object({ id: z.string().max(100) }) });
export const crimeImportRequest = z.object({ params: z.object({ id: z.string().max(100), importId: z.string().max(100) }) });

const textField = formField;
/** The dataset mapping form: every field as typed (blank when not used). */
export const datasetFormRequest = z.object({
  params: z.object({ id: z.string().max(100) }),
  body: z.object({
    name: textField,
    date: textField,
    category: textField,
    fixedCategory: textField,
    longitude: textField,
    latitude: textField,
    easting: textField,
    northing: textField,
    lsoa: textField,
    postcode: textField,
    ward: textField,
  }),
});
