import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import { parseOrThrow } from '../platform/validation.js';
import { hashPassword } from './passwords.js';
import { type NewUser, newUserSchema } from './schema.js';

export interface CreateUserOptions {
  db: Kysely<Database>;
  actor: Actor;
  user: NewUser;
}

export async function createUser({ db, actor, user }: CreateUserOptions): Promise<{ id: string; email: string }> {
  const input = parseOrThrow(newUserSchema, user);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw conflict(`A user with the email ${input.email} already exists`);
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
