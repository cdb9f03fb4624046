import type { Kysely } from 'kysely';
import { listConsultations } from '../../consultations/index.js';
import type { Database } from '../../db/schema.js';
import { responseCountsByConsultation } from '../../responses/index.js';
import { candidateTotals, listWorkshops, type Workshop, type WorkshopText, workshopTexts } from './loadWorkshop.js';

export interface EvidenceWorkshop extends Workshop {
  items: WorkshopText[];
  /** Candidate priorities, most dots first. */
  priorities: (WorkshopText & { dots: number })[];
}

export interface EvidenceGroup {
  /** Undefined for workshops linked to no consultation. */
  consultation: { id: string; title: string; status: string; responses: number } | undefined;
  workshops: EvidenceWorkshop[];
}

/** Each consultation round with its survey's response count beside the workshops that fed it, items and vote totals. */
export async function workshopEvidence(db: Kysely<Database>, partnershipId: string): Promise<EvidenceGroup[]> {
  const workshops = await listWorkshops(db, partnershipId);
  const ids = workshops.map((w) => w.id);
  const [items, candidates, totals, consultations, counts] = await Promise.all([
    workshopTexts(db, 'workshop_items', partnershipId, ids),
    workshopTexts(db, 'workshop_candidates', partnershipId, ids),
    candidateTotals(db, partnershipId, ids),
    listConsultations(db, partnershipId),
    responseCountsByConsultation(db, partnershipId),
  ]);
  const full = workshops.map(
    (w): EvidenceWorkshop => ({
      ...w,
      items: items.filter((i) => i.workshop_id === w.id).map((i) => ({ id: i.id, text: i.text })),
      priorities: candidates
        .filter((c) => c.workshop_id === w.id)
        .map((c) => ({ id: c.id, text: c.text, dots: totals.get(c.id) ?? 0 }))
        .sort((a, b) => b.dots - a.dots),
    }),
  );
  const groups: EvidenceGroup[] = consultations
    .map((c) => ({
      consultation: { id: c.id, title: c.title, status: c.status, responses: counts[c.id] ?? 0 },
      workshops: full.filter((w) => w.consultationId === c.id),
    }))
    .filter((g) => g.workshops.length > 0);
  const unlinked = full.filter((w) => w.consultationId === null);
  if (unlinked.length) groups.push({ consultation: undefined, workshops: unlinked });
  return groups;
}
