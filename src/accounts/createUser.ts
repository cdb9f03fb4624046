import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { assertPasswordAllowed } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';
import { findUser } from './queries/findUser.js';
import type { UserSummary } from './queries/listUsers.js';
import { type NewUser, newUserSchema } from './schema.js';

export interface CreateUserOptions {
  db: Kysely<Database>;
  actor: Actor;
  user: NewUser;
  /**
   * The partnerships whose users the actor may see (an administrator's own); the command line, without it, sees all.
   * An email taken in another partnership is refused without saying so.
   */
  visiblePartnershipIds?: readonly string[];
  /** Only for the demo users, whose password is published on purpose: their password skips the deny-list. */
  publishedPassword?: boolean;
}

/** A user the actor can see is named as existing; one of another partnership gets the same answer whichever it is. */
function emailTaken(existing: UserSummary, visible: readonly string[] | undefined) {
  if (!visible || existing.partnershipIds.some((p) => visible.includes(p))) return conflict(`A user with the email ${existing.email} already exists`);
  return conflict(`The email ${existing.email} cannot be used for a new user: use another address, or ask the person who runs SaferPlan for you`);
}

export async function createUser({
  db,
  actor,
  user,
  visiblePartnershipIds,
  publishedPassword,
}: CreateUserOptions): Promise<{ id: string; email: string }> {
  const input = parseOrThrow(newUserSchema, user);
  if (!publishedPassword) await assertPasswordAllowed(input.password, input);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const existing = await findUser(trx, { email: input.email });
    if (existing) throw emailTaken(existing, visiblePartnershipIds);
    for (const partnershipId of input.partnershipIds) {
      const found = await trx.selectFrom('partnerships').select('id').where('id', '=', partnershipId).executeTakeFirst();
      if (!found) throw validationFailed([{ field: 'partnership', message: `No partnership has the id ${partnershipId}` }]);
    }
    const createdAt = nowIso();
    await trx
      .insertInto('users')
      .values({ id, email: input.email, name: input.name, role: input.role, password_hash: passwordHash, disabled: 0, created_at: createdAt })
      .execute();
    for (const partnershipId of input.partnershipIds) {
      await trx.insertInto('partnership_members').values({ partnership_id: partnershipId, user_id: id, created_at: createdAt }).execute();
    }
    await recordAudit(trx, {
      actor,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      partnershipId: input.partnershipIds[0] ?? null,
      detail: { email: input.email, role: input.role, partnershipIds: input.partnershipIds },
    });
  });
  return { id, email: input.email };
}
