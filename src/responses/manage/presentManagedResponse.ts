/** One response as the staff API shows it (GET /api/v1/consultations/{id}/responses/{reference}): answers, versions, withdrawal. */
import { z } from 'zod';
import { storedResponseSchema } from '../presentStoredResponse.js';
import type { ManagedResponse } from './queries/findResponse.js';
import type { ResponseVersion } from './queries/responseVersions.js';

const answersSchema = storedResponseSchema.shape.answers;

export const managedResponseSchema = z
  .object({
    ...storedResponseSchema.shape,
    version: z.number().int().meta({ description: '1, plus one for each correction' }),
    withdrawn: z
      .object({
        at: z.string().meta({ description: 'UTC, ISO 8601' }),
        by: z.string().meta({ description: 'who withdrew it, as the audit log names them' }),
        reason: z.string(),
      })
      .nullable()
      .meta({ description: 'null unless withdrawn; a withdrawn response counts for nothing (analysis, counts, exports)' }),
    earlierVersions: z
      .array(
        z.object({
          version: z.number().int(),
          surveyVersion: z.number().int(),
          answers: answersSchema,
          replacedAt: z.string().meta({ description: 'UTC, ISO 8601' }),
          replacedBy: z.string(),
          reason: z.string(),
        }),
      )
      .meta({ description: 'the answers each correction replaced, oldest first' }),
  })
  .meta({ id: 'ManagedResponse' });

export const presentManagedResponse = (r: ManagedResponse, versions: readonly ResponseVersion[]): z.output<typeof managedResponseSchema> => ({
  reference: r.reference,
  channel: r.channel,
  submittedAt: r.submittedAt,
  surveyVersion: r.surveyVersion,
  answers: r.answers,
  version: r.version,
  withdrawn: r.withdrawal,
  earlierVersions: versions.map((v) => ({
    version: v.version,
    surveyVersion: v.surveyVersion,
    answers: v.answers,
    replacedAt: v.changedAt,
    replacedBy: v.changedBy,
    reason: v.reason,
  })),
});
