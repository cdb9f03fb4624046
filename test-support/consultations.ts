import type { DbHandle } from '../src/db/database.js';
import { loadDemoPartnership } from '../src/partnerships/demo/loadDemoPartnership.js';
import { cliActor } from '../src/platform/recordAudit.js';
import type { TemplateId } from '../src/surveys/templateRegistry.js';
import { buildConsultation } from './factories.js';

/** The demo partnership (once) and a new open consultation from a template, closing in 30 days. */
export async function openConsultation(handle: DbHandle, template: TemplateId = 'crime-survey', title = 'Crime Survey') {
  const { partnershipId } = await loadDemoPartnership(handle.db, cliActor());
  const { id, slug } = await buildConsultation({ db: handle.db, partnershipId, template, title, stage: 'open' });
  return { partnershipId, consultationId: id, slug };
}

/** A complete, valid crime-survey answer set. */
export const VALID_CRIME_ANSWERS = {
  ward: 'earlsdon',
  postcode: 'CV5 6AB',
  safe_day: 'very_safe',
  safe_dark: 'a_bit_unsafe',
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
  concerns: ['fly_tipping', 'asb', 'drugs'],
  feel_safer: 'Better street lighting on the way home from the station',
};

/** The crime survey's required answers, from a ward, feeling a given way after dark. */
export const crimeAnswers = (ward: string, safeDark: string) => ({
  ward,
  safe_day: 'very_safe',
  safe_dark: safeDark,
  safe_centre_day: 'fairly_safe',
  safe_centre_dark: 'very_unsafe',
});

/** A complete, valid members'-survey answer set for the demo partnership (its three plan themes). */
export const VALID_MEMBERS_ANSWERS = {
  ward: 'earlsdon',
  ward_priorities: ['drugs', 'asb', 'burglary'],
  theme_offending: 'very_important',
  theme_public_place: 'fairly_important',
  theme_exploitation: 'very_important',
};
