import type { Kysely } from 'kysely';
import { authorize, type Principal } from '../accounts/index.js';
import type { Database } from '../db/schema.js';
import { findPartnership } from '../partnerships/index.js';
import { notFound } from '../platform/errors.js';

/** The partnership a crime page names, once the user may do the action there (crime:view or crime:import). */
export async function crimePartnership(db: Kysely<Database>, user: Principal | undefined, id: string, action: 'crime:view' | 'crime:import') {
  const principal = authorize(user, action, id);
  const partnership = await findPartnership(db, id);
  if (!partnership) throw notFound('Partnership');
  return { principal, partnership };
}
