/** Who responded beside the population (the same profile the dashboard shows): by the saved margins, else by ward populations. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { marginsText } from './marginsText.js';
import { populationOfWards } from './populationOfWards.js';
import { savedMargins } from './queries/savedMargins.js';
import { type Representativeness, representativeness } from './representativeness.js';
import type { ResponseTable } from './responseTable.js';
import { parseMargins, resolveMargins } from './weighting.js';

export async function sampleProfile(db: Kysely<Database>, partnershipId: string, table: ResponseTable): Promise<Representativeness | null> {
  const { text } = marginsText(await savedMargins(db, partnershipId), await populationOfWards(db, partnershipId));
  if (!text) return null;
  const parsed = parseMargins(text);
  if (!parsed.ok) return null;
  const resolved = resolveMargins(table, parsed.margins);
  return resolved.ok ? representativeness(table, resolved.margins) : null;
}
