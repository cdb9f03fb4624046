import type { Kysely } from 'kysely';
import type { Consultation } from '../../consultations/index.js';
import type { Database } from '../../db/schema.js';
import { textAnswers } from './textAnswers.js';

export const EXPORT_COLUMNS = ['reference', 'question', 'theme', 'coded_by', 'coded_at'] as const;
export type ExportedCoding = Record<(typeof EXPORT_COLUMNS)[number], string>;

/** The primary codings of the consultation's counted answers: a row per answer and theme, in survey and arrival order. */
export async function exportedCodings(db: Kysely<Database>, consultation: Consultation): Promise<ExportedCoding[]> {
  const rows = await db
    .selectFrom('codings')
    .innerJoin('codebook_themes', (j) =>
      j.onRef('codebook_themes.partnership_id', '=', 'codings.partnership_id').onRef('codebook_themes.id', '=', 'codings.theme_id'),
    )
    .select(['codings.unit_key', 'codebook_themes.code', 'codings.coded_by', 'codings.coded_at'])
    .where('codings.partnership_id', '=', consultation.partnershipId)
    .where('codings.consultation_id', '=', consultation.id)
    .where('codings.pass', '=', 'primary')
    .orderBy('codebook_themes.code')
    .execute();
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) byUnit.set(r.unit_key, [...(byUnit.get(r.unit_key) ?? []), r]);
  const out: ExportedCoding[] = [];
  for (const a of await textAnswers(db, consultation))
    for (const r of byUnit.get(a.unitKey) ?? [])
      out.push({ reference: a.reference, question: a.questionCode, theme: r.code, coded_by: r.coded_by, coded_at: r.coded_at });
  return out;
}
