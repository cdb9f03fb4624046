import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { themeName } from '../themes.js';

export interface ConsultationItem {
  /** Stable: coding keys on it. */
  id: string;
  text: string;
  workshopId: string;
  workshopTitle: string;
  heldOn: string;
  /** Place, Victim, Offender or the custom theme's name. */
  theme: string;
  createdAt: string;
}

/** Every item captured at the workshops linked to a consultation, workshop by workshop (oldest first), in capture order. */
export async function consultationItems(db: Kysely<Database>, partnershipId: string, consultationId: string): Promise<ConsultationItem[]> {
  const rows = await db
    .selectFrom('workshop_items as i')
    .innerJoin('workshops as w', (j) => j.onRef('w.partnership_id', '=', 'i.partnership_id').onRef('w.id', '=', 'i.workshop_id'))
    .select(['i.id', 'i.text', 'i.workshop_id', 'i.created_at', 'w.title', 'w.held_on', 'w.theme', 'w.custom_theme'])
    .where('i.partnership_id', '=', partnershipId)
    .where('w.consultation_id', '=', consultationId)
    .orderBy('w.held_on')
    .orderBy('w.id')
    .orderBy('i.position')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    workshopId: r.workshop_id,
    workshopTitle: r.title,
    heldOn: r.held_on,
    theme: themeName(r.theme, r.custom_theme),
    createdAt: r.created_at,
  }));
}
