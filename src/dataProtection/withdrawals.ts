/**
 * Withdrawal by reference (docs/data-protection.md): a respondent asks on the public page, with the reference they were
 * given; staff confirm (which withdraws the response through the responses capability's own operation, so it counts for
 * nothing) or decline. The public answer is the same whether or not the reference exists: only requests for a counted
 * response are stored, and each is audited.
 */
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { AppError, conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { withdrawResponse } from '../responses/index.js';
import { hasPendingRequest, respondentResponse, withdrawalRequest } from './queries/withdrawalRequests.js';
import { normaliseReference } from './reference.js';

export const MAX_NOTE_LENGTH = 500;
/** The audit log's name for a member of the public. */
export const PUBLIC_ACTOR: Actor = { id: null, label: 'public: withdrawal page' };
export const REFERENCE_MESSAGE = 'Enter your reference number as it was shown to you, like K7M2-9QXA-3F';

/**
 * Records a respondent's request to withdraw the response with this reference in the partnership. Throws only for input
 * that cannot be a request (the reference's form, the note's length); whether the reference exists is never told.
 */
export async function requestWithdrawal(db: Kysely<Database>, options: { partnershipId: string; reference: string; note: string }): Promise<void> {
  const reference = normaliseReference(options.reference);
  const note = options.note.trim();
  const problems = [];
  if (!reference) problems.push({ field: 'reference', message: REFERENCE_MESSAGE });
  if (note.length > MAX_NOTE_LENGTH) problems.push({ field: 'note', message: `Your message must be ${MAX_NOTE_LENGTH} characters or fewer` });
  if (problems.length > 0 || !reference) throw validationFailed(problems);
  await db.transaction().execute(async (trx) => {
    const response = await respondentResponse(trx, options.partnershipId, reference);
    if (!response || (await hasPendingRequest(trx, options.partnershipId, response.id))) return;
    const id = newId();
    await trx
      .insertInto('withdrawal_requests')
      .values({
        partnership_id: options.partnershipId,
        id,
        consultation_id: response.consultation_id,
        response_id: response.id,
        reference,
        note,
        requested_at: nowIso(),
        status: 'pending',
        decided_at: null,
        decided_by: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: PUBLIC_ACTOR,
      action: 'data.withdrawal-request',
      entity: 'response',
      entityId: response.id,
      partnershipId: options.partnershipId,
      detail: { reference, consultationId: response.consultation_id, requestId: id },
    });
  });
}

export interface DecideWithdrawalOptions {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  consultationId: string;
  requestId: string;
  decision: 'confirm' | 'decline';
}

/**
 * Confirms (withdrawing the response with responses' withdrawResponse; one already withdrawn counts as done) or
 * declines a pending request, audited. A request already decided is a conflict.
 */
export async function decideWithdrawal(options: DecideWithdrawalOptions): Promise<void> {
  const { db, actor, partnershipId, consultationId, requestId, decision } = options;
  const request = await withdrawalRequest(db, { partnershipId, consultationId, id: requestId });
  if (!request) throw notFound('Withdrawal request');
  if (request.status !== 'pending') throw conflict('This request has already been decided');
  if (decision === 'confirm') {
    try {
      await withdrawResponse({
        db,
        actor,
        partnershipId,
        consultationId,
        reference: request.reference,
        reason: "At the respondent's request (withdrawal page)",
      });
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
  }
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('withdrawal_requests')
      .set({ status: decision === 'confirm' ? 'confirmed' : 'declined', decided_at: nowIso(), decided_by: actor.label })
      .where('partnership_id', '=', partnershipId)
      .where('id', '=', requestId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('This request has already been decided');
    await recordAudit(trx, {
      actor,
      action: decision === 'confirm' ? 'data.withdrawal-confirm' : 'data.withdrawal-decline',
      entity: 'withdrawal_request',
      entityId: requestId,
      partnershipId,
      detail: { reference: request.reference, consultationId, requestId },
    });
  });
}
