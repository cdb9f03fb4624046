/** The partnership pages' view models: plain data for the GOV.UK macros in partnerships/views/. */
import type { FieldError } from '../platform/errors.js';
import type { TableRow } from '../platform/pageContexts.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import type { Partnership } from './queries/listPartnerships.js';
import type { PlanTheme } from './queries/listPlanThemes.js';
import type { PartnershipGeography } from './queries/partnershipGeography.js';

/** The signed-in user's own partnerships. */
export const staffHomePage = (roleLabel: string, partnerships: readonly Partnership[]) => ({ title: 'Staff home', roleLabel, partnerships });

/** A partnership's area, its plan themes, and its neighbourhoods by deprivation decile. */
export const partnershipPage = (
  partnership: Partnership,
  geography: PartnershipGeography,
  themes: readonly PlanTheme[],
  mayChangeSettings = false,
) => ({
  title: partnership.name,
  partnership,
  geography,
  themes,
  hubPath: `/p/${partnership.slug}`,
  settingsPath: mayChangeSettings ? settingsPath(partnership) : null,
  decileRows: geography.lsoasByImdDecile.map((d): TableRow => [{ text: d.decile }, { text: d.count, format: 'numeric' }]),
});

const settingsPath = (partnership: Pick<Partnership, 'id'>) => `/staff/partnerships/${partnership.id}/settings`;

/** The admin's settings form: the small-number suppression minimum, as stored or as just entered with its problems. */
export const settingsPage = (partnership: Partnership, entered?: string, fields: readonly FieldError[] = [], saved = false) => ({
  title: `Settings: ${partnership.name}`,
  partnership,
  action: settingsPath(partnership),
  backPath: `/staff/partnerships/${partnership.id}`,
  suppressionMinimum: entered ?? String(partnership.suppressionMinimum),
  saved,
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});
