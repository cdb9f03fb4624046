/** A partnership as the API (GET /api/v1/partnerships) and `saferplan partnership list --format json` show it. */
import { z } from 'zod';
import type { Partnership } from './queries/listPartnerships.js';
import { brandingSchema } from './schema.js';

export const partnershipSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string().meta({ description: 'its public hub: /p/{slug}' }),
    areaCode: z.string().nullable().meta({ description: 'ONS local authority code, e.g. E08000026' }),
    branding: brandingSchema,
    isDemo: z.boolean(),
    createdAt: z.string().meta({ description: 'UTC, ISO 8601' }),
  })
  .meta({ id: 'Partnership' });

export const presentPartnership = (p: Partnership): z.output<typeof partnershipSchema> => ({
  id: p.id,
  name: p.name,
  slug: p.slug,
  areaCode: p.areaCode,
  branding: p.branding,
  isDemo: p.isDemo,
  createdAt: p.createdAt,
});
