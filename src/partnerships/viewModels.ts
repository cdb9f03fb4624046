/** The partnership pages' view models: plain data for the GOV.UK macros in partnerships/views/. */
import type { TableRow } from '../platform/pageContexts.js';
import type { Partnership } from './queries/listPartnerships.js';
import type { PlanTheme } from './queries/listPlanThemes.js';
import type { PartnershipGeography } from './queries/partnershipGeography.js';

/** The signed-in user's own partnerships. */
export const staffHomePage = (roleLabel: string, partnerships: readonly Partnership[]) => ({ title: 'Staff home', roleLabel, partnerships });

/** A partnership's area, its plan themes, and its neighbourhoods by deprivation decile. */
export const partnershipPage = (partnership: Partnership, geography: PartnershipGeography, themes: readonly PlanTheme[]) => ({
  title: partnership.name,
  partnership,
  geography,
  themes,
  hubPath: `/p/${partnership.slug}`,
  decileRows: geography.lsoasByImdDecile.map((d): TableRow => [{ text: d.decile }, { text: d.count, format: 'numeric' }]),
});
