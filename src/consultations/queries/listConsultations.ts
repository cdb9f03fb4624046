import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Consultation, toConsultation } from './loadConsultation.js';

export async function listConsultations(db: Kysely<Database>, partnershipId: string): Promise<Consultation[]> {
  const rows = await db.selectFrom('consultations').selectAll().where('partnership_id', '=', partnershipId).orderBy('opens_at', 'desc').execute();
  const now = new Date();
  return rows.map((r) => toConsultation(r, now));
}
