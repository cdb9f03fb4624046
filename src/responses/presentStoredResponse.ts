/** A stored response as the staff API shows it (GET /api/v1/consultations/{id}/responses). */
import { z } from 'zod';
import type { StoredResponseRecord } from './queries/listResponses.js';

export const storedResponseSchema = z
  .object({
    reference: z.string().meta({ examples: ['K7M2-9QXA-3F'] }),
    channel: z.string().meta({ description: 'online, paper, email, phone, event or import' }),
    submittedAt: z.string().meta({ description: 'UTC, ISO 8601' }),
    surveyVersion: z.number().int(),
    answers: z
      .record(z.string(), z.union([z.string(), z.array(z.string()), z.number(), z.null()]))
      .meta({ description: 'keyed by question code (grid rows by their own codes); hidden conditional questions are left out' }),
  })
  .meta({ id: 'StoredResponse' });

export const presentStoredResponse = (r: StoredResponseRecord): z.output<typeof storedResponseSchema> => ({
  reference: r.reference,
  channel: r.channel,
  submittedAt: r.submittedAt,
  surveyVersion: r.surveyVersion,
  answers: r.answers,
});
