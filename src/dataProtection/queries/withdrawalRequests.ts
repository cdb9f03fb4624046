import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isCounted } from '../../responses/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface WithdrawalRequest {
  id: string;
  consultationId: string;
  reference: string;
  note: string;
  requestedAt: string;
  status: 'pending' | 'confirmed' | 'declined';
  decidedAt: string | null;
  decidedBy: string | null;
}

const columns = ['id', 'consultation_id', 'reference', 'note', 'requested_at', 'status', 'decided_at', 'decided_by'] as const;
type Row = { [K in (typeof columns)[number]]: Database['withdrawal_requests'][K] };
const toRequest = (r: Row): WithdrawalRequest => ({
  id: r.id,
  consultationId: r.consultation_id,
  reference: r.reference,
  note: r.note,
  requestedAt: r.requested_at,
  status: r.status as WithdrawalRequest['status'],
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

/** A consultation's withdrawal requests, pending first, then the newest. */
export async function withdrawalRequests(db: Db, partnershipId: string, consultationId: string): Promise<WithdrawalRequest[]> {
  const rows = await db
    .selectFrom('withdrawal_requests')
    .select(columns)
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .orderBy('requested_at', 'desc')
    .orderBy('id')
    .execute();
  const all = rows.map(toRequest);
  return [...all.filter((r) => r.status === 'pending'), ...all.filter((r) => r.status !== 'pending')];
}

export async function withdrawalRequest(
  db: Db,
  key: { partnershipId: string; consultationId: string; id: string },
): Promise<WithdrawalRequest | undefined> {
  const row = await db
    .selectFrom('withdrawal_requests')
    .select(columns)
    .where('partnership_id', '=', key.partnershipId)
    .where('consultation_id', '=', key.consultationId)
    .where('id', '=', key.id)
    .executeTakeFirst();
  return row ? toRequest(row) : undefined;
}

/** The response a reference names in the partnership, when it counts (not withdrawn, not part of an unfinished import). */
export async function respondentResponse(db: Db, partnershipId: string, reference: string) {
  return db
    .selectFrom('responses')
    .innerJoin('consultations', (join) =>
      join.onRef('consultations.partnership_id', '=', 'responses.partnership_id').onRef('consultations.id', '=', 'responses.consultation_id'),
    )
    .select(['responses.id', 'responses.consultation_id'])
    .where('responses.partnership_id', '=', partnershipId)
    .where('responses.reference', '=', reference)
    .where(isCounted)
    .where('consultations.stage', '!=', 'draft')
    .executeTakeFirst();
}

/** Whether a pending request for the response already exists. */
export async function hasPendingRequest(db: Db, partnershipId: string, responseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('withdrawal_requests')
    .select('id')
    .where('partnership_id', '=', partnershipId)
    .where('response_id', '=', responseId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}
