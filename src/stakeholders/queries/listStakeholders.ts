import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Stakeholder {
  id: string;
  organisation: string;
  sector: string;
  contactName: string;
  email: string;
  phone: string;
  role: string;
}

const COLUMNS = ['id', 'organisation', 'sector', 'contact_name', 'email', 'phone', 'role'] as const;
const toStakeholder = (r: {
  id: string;
  organisation: string;
  sector: string;
  contact_name: string;
  email: string;
  phone: string;
  role: string;
}): Stakeholder => ({
  id: r.id,
  organisation: r.organisation,
  sector: r.sector,
  contactName: r.contact_name,
  email: r.email,
  phone: r.phone,
  role: r.role,
});

/** A partnership's register, by organisation then contact. */
export async function listStakeholders(db: Kysely<Database>, partnershipId: string): Promise<Stakeholder[]> {
  const rows = await db
    .selectFrom('stakeholders')
    .select(COLUMNS)
    .where('partnership_id', '=', partnershipId)
    .orderBy('organisation')
    .orderBy('contact_name')
    .orderBy('id')
    .execute();
  return rows.map(toStakeholder);
}

/** One contact of the partnership's, or undefined (another partnership's id finds nothing). */
export async function findStakeholder(db: Kysely<Database>, partnershipId: string, id: string): Promise<Stakeholder | undefined> {
  const row = await db.selectFrom('stakeholders').select(COLUMNS).where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
  return row && toStakeholder(row);
}
