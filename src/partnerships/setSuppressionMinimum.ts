import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { notFound } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { suppressionMinimumSchema } from './suppressionMinimum.js';

export interface SetSuppressionMinimumOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  /** As entered: checked to be a whole number from the floor (3) up; anything else is a validation failure naming the field. */
  minimum: unknown;
}

const input = z.object({ minimum: suppressionMinimumSchema });

/** Sets the smallest base whose figures the partnership's staff see, with its audit entry. */
export async function setSuppressionMinimum({ db, actor, partnershipId, minimum }: SetSuppressionMinimumOptions): Promise<{ minimum: number }> {
  const parsed = parseOrThrow(input, { minimum }).minimum;
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('partnerships').select('suppression_minimum').where('id', '=', partnershipId).executeTakeFirst();
    if (!before) throw notFound('Partnership');
    await trx.updateTable('partnerships').set({ suppression_minimum: parsed }).where('id', '=', partnershipId).execute();
    await recordAudit(trx, {
      actor,
      action: 'partnership.set_suppression_minimum',
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: { from: before.suppression_minimum, to: parsed },
    });
    return { minimum: parsed };
  });
}
