/** Saves the officers' prioritisation matrix scores (docs/assessment.md), audited with what changed. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { ISSUES } from './issues.js';
import { saveAssessmentScores } from './queries/assessmentScores.js';

export const MAX_RATIONALE = 2000;

export interface MatrixInput {
  issue: string;
  harm: number | null;
  likelihood: number | null;
  capacity: number | null;
  rationale: string;
}

export async function setMatrixScores(o: { db: Kysely<Database>; actor: Actor; partnershipId: string; scores: MatrixInput[] }) {
  const long = o.scores.filter((s) => s.rationale.length > MAX_RATIONALE);
  if (long.length)
    throw validationFailed(
      long.map((s) => ({
        field: `rationale-${s.issue}`,
        message: `Keep the rationale for ${ISSUES.find((i) => i.code === s.issue)?.label ?? s.issue} to 2,000 characters`,
      })),
    );
  await o.db.transaction().execute(async (trx) => {
    await saveAssessmentScores(trx, o.partnershipId, o.actor.label, o.scores);
    await recordAudit(trx, {
      actor: o.actor,
      action: 'assessment.scores',
      entity: 'partnership',
      entityId: o.partnershipId,
      partnershipId: o.partnershipId,
      detail: { scores: o.scores.filter((s) => s.harm !== null || s.likelihood !== null || s.capacity !== null || s.rationale) },
    });
  });
}
