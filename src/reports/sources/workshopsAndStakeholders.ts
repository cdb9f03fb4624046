/** What partners said (workshops, their candidate priorities and votes) and who was invited (the stakeholder register). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listStakeholders, sectorLabel } from '../../stakeholders/index.js';
import { workshopEvidence } from '../../workshops/index.js';

export async function partnerConsultation(db: Kysely<Database>, partnershipId: string, consultationId: string | null) {
  const groups = await workshopEvidence(db, partnershipId);
  const linked = groups.filter((g) => g.consultation?.id === consultationId).flatMap((g) => g.workshops);
  const workshops = linked.length ? linked : groups.flatMap((g) => g.workshops);
  const stakeholders = await listStakeholders(db, partnershipId);
  const organisations = [...new Map(stakeholders.map((s) => [s.organisation, sectorLabel(s.sector)])).entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  );
  return { workshops, organisations };
}
