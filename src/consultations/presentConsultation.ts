/** A consultation as the API (GET /api/v1/partnerships/{id}/consultations) and `saferplan consultation list --format json` show it. */
import { z } from 'zod';
import type { Consultation } from './queries/loadConsultation.js';
import { RESULTS_VISIBILITY, STATUSES } from './status.js';

const instant = z.string().meta({ description: 'UTC, ISO 8601', examples: ['2024-07-09T23:00:00.000Z'] });

/** The stage staff last set and the long legal basis and privacy texts stay inside; the status says where it stands. */
export const consultationSummarySchema = z
  .object({
    id: z.string(),
    partnershipId: z.string(),
    slug: z.string().meta({ description: 'its address: /p/{partnership slug}/{slug}' }),
    template: z.string().meta({ description: 'the survey template it started from: crime-survey, members-survey or blank' }),
    title: z.string(),
    summary: z.string(),
    purpose: z.string(),
    audiences: z.array(z.string()).meta({ description: 'public, members' }),
    status: z.enum(STATUSES).meta({ description: 'follows the clock once scheduled; analysed and published are set by staff' }),
    opensAt: instant,
    closesAt: instant.meta({ description: 'the planned closing time (closing early does not change it)' }),
    closedAt: instant.nullable().meta({ description: 'when staff closed it early ("Close now"); null otherwise' }),
    topics: z.array(z.string()).meta({ description: "the partnership's plan themes (ids) it is about" }),
    resultsVisibility: z.enum(RESULTS_VISIBILITY),
    surveyVersion: z.number().int(),
    isDemo: z.boolean(),
    createdAt: instant,
  })
  .meta({ id: 'ConsultationSummary' });
export type ConsultationSummary = z.output<typeof consultationSummarySchema>;

export function presentConsultation(c: Consultation): ConsultationSummary {
  return {
    id: c.id,
    partnershipId: c.partnershipId,
    slug: c.slug,
    template: c.template,
    title: c.title,
    summary: c.summary,
    purpose: c.purpose,
    audiences: c.audiences,
    status: c.status,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    closedAt: c.closedAt,
    topics: c.topics,
    resultsVisibility: c.resultsVisibility,
    surveyVersion: c.surveyVersion,
    isDemo: c.isDemo,
    createdAt: c.createdAt,
  };
}
