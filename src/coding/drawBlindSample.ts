import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Consultation } from '../consultations/index.js';
import { nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { validationFailed } from '../platform/errors.js';
import type { Actor } from '../platform/recordAudit.js';
import { textAnswers } from './queries/textAnswers.js';
import { blindSample } from './queries/unitStates.js';
import { audit } from './saveTheme.js';
import { unitRow } from './units.js';

/** k distinct items chosen uniformly at random (a partial Fisher-Yates shuffle); `random(n)` gives 0..n-1. */
export function chooseAtRandom<T>(items: readonly T[], k: number, random: (n: number) => number = randomInt): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

/** Adds `size` answers chosen at random (of one question, or any) to the blind sample; audited. */
export async function drawBlindSample({
  db,
  actor,
  consultation,
  size,
  questionCode,
}: {
  db: Kysely<Database>;
  actor: Actor;
  consultation: Consultation;
  size: number;
  questionCode?: string;
}): Promise<{ drawn: number; total: number }> {
  const { partnershipId, id: consultationId } = consultation;
  const drawn = await blindSample(db, partnershipId, consultationId);
  const candidates = (await textAnswers(db, consultation)).filter((a) => !drawn.has(a.unitKey) && (!questionCode || a.questionCode === questionCode));
  if (!Number.isInteger(size) || size < 1)
    throw validationFailed([{ field: 'size', message: 'Enter how many answers to draw, a whole number of 1 or more' }]);
  if (candidates.length === 0) throw validationFailed([{ field: 'size', message: 'Every answer is already in the sample' }]);
  if (size > candidates.length)
    throw validationFailed([
      { field: 'size', message: `Enter a number no more than ${candidates.length}: that many answers are not in the sample yet` },
    ]);
  const chosen = chooseAtRandom(candidates, size);
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    for (const a of chosen) {
      await trx
        .insertInto('coding_units')
        .values(unitRow(partnershipId, consultationId, a, at))
        .onConflict((oc) => oc.columns(['partnership_id', 'consultation_id', 'unit_key']).doNothing())
        .execute();
      await trx
        .insertInto('blind_samples')
        .values({ partnership_id: partnershipId, consultation_id: consultationId, unit_key: a.unitKey, drawn_at: at, drawn_by: actor.label })
        .execute();
    }
    await audit(trx, actor, 'coding.blind-sample', partnershipId, consultationId, { drawn: chosen.length, question: questionCode ?? null });
    return { drawn: chosen.length, total: drawn.size + chosen.length };
  });
}
