import type { Transaction } from 'kysely';
import type { DbHandle } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { AppError } from '../platform/errors.js';
import { keepOriginals } from '../redaction/index.js';
import { newReference, originalsOf, prepareResponse } from '../responses/index.js';
import type { ConsultationRuntimeCache } from './runtime.js';

export interface ClaimedResponseOptions {
  handle: DbHandle;
  runtimes: ConsultationRuntimeCache;
  partnershipId: string;
  consultationId: string;
  answers: Record<string, unknown>;
}

/** Takes the one right to answer (an invitation, a member's one response); false when it was already taken. */
export type Claim = (trx: Transaction<Database>, response: { reference: string; submittedAt: string }) => Promise<boolean>;

/**
 * Stores an online response together with the claim that allows it, in one transaction, so one right gives exactly
 * one response however many submissions arrive at once: PostgreSQL makes a second claim wait for the first to
 * commit and SQLite runs one writer at a time, so the second finds the right taken, throws `refused` and stores nothing.
 */
export async function storeClaimedResponse(options: ClaimedResponseOptions, claim: Claim, refused: () => AppError): Promise<{ reference: string }> {
  const row = await prepareResponse({ ...options, channel: 'online', requireOpen: true });
  const stored = { ...row, id: crypto.randomUUID(), reference: newReference() };
  await options.handle.db.transaction().execute(async (trx) => {
    if (!(await claim(trx, { reference: stored.reference, submittedAt: stored.submitted_at }))) throw refused();
    await trx.insertInto('responses').values(stored).execute();
    await keepOriginals(trx, { partnershipId: stored.partnership_id, responseId: stored.id, originals: originalsOf(row) });
  });
  return { reference: stored.reference };
}
