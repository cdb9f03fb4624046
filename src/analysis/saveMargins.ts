/** Saves a partnership's population margins for weighting (replacing any saved before), with its audit entry. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseMargins } from './weighting.js';

export interface SaveMarginsOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  /** `variable,value,population` CSV as entered; empty clears the saved margins. */
  marginsCsv: string;
}

/** A margins file that does not parse is a validation failure on `margins` and saves nothing. */
export async function saveMargins({ db, actor, partnershipId, marginsCsv }: SaveMarginsOptions): Promise<{ lines: number }> {
  const text = marginsCsv.trim();
  const rows: { variable: string; value: string; population: number }[] = [];
  if (text) {
    const parsed = parseMargins(text);
    if (!parsed.ok) throw validationFailed([{ field: 'margins', message: parsed.error.message }]);
    for (const [variable, lines] of parsed.margins) for (const line of lines) rows.push({ variable, ...line });
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('weighting_margins')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partnership_id', '=', partnershipId)
      .executeTakeFirst();
    await trx.deleteFrom('weighting_margins').where('partnership_id', '=', partnershipId).execute();
    if (rows.length > 0)
      await trx
        .insertInto('weighting_margins')
        .values(rows.map((r, position) => ({ partnership_id: partnershipId, position, ...r })))
        .execute();
    await recordAudit(trx, {
      actor,
      action: 'analysis.save_margins',
      entity: 'partnership',
      entityId: partnershipId,
      partnershipId,
      detail: { from: Number(before?.n ?? 0), lines: rows.length, variables: [...new Set(rows.map((r) => r.variable))] },
    });
  });
  return { lines: rows.length };
}
