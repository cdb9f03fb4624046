import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { Answers } from '../../surveys/index.js';
import { isCounted } from './countedResponses.js';

export interface StoredResponseRecord {
  reference: string;
  channel: string;
  submittedAt: string;
  surveyVersion: number;
  answers: Answers;
}

/** Responses in submission order, a page at a time (keyset on submitted_at, id). */
export async function listResponses(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  page: { limit: number; after?: { submittedAt: string; id: string } } = { limit: 1000 },
): Promise<(StoredResponseRecord & { id: string })[]> {
  let query = db
    .selectFrom('responses')
    .select(['id', 'reference', 'channel', 'submitted_at', 'survey_version', 'answers'])
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where(isCounted)
    .orderBy('submitted_at')
    .orderBy('id')
    .limit(page.limit);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('submitted_at', '>', after.submittedAt), eb.and([eb('submitted_at', '=', after.submittedAt), eb('id', '>', after.id)])]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    channel: r.channel,
    submittedAt: r.submitted_at,
    surveyVersion: r.survey_version,
    answers: fromJson<Answers>(r.answers, {}),
  }));
}

/** Every response, streamed a page at a time so exports of 100,000+ stay in bounded memory. */
export async function* eachResponse(db: Kysely<Database>, partnershipId: string, consultationId: string, pageSize = 1000) {
  let after: { submittedAt: string; id: string } | undefined;
  for (;;) {
    const page = await listResponses(db, partnershipId, consultationId, { limit: pageSize, after });
    for (const r of page) yield r;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { submittedAt: last.submittedAt, id: last.id };
    // SQLite answers synchronously: without a turn of the event loop between pages, reading 100,000 responses would
    // hold up every other request (a public submission among them) for seconds.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
