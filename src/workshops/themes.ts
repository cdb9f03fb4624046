/** A workshop's theme: the seed's Place, Victim and Offender, or one of the partnership's own. Pure. */
export const WORKSHOP_THEMES = ['place', 'victim', 'offender', 'custom'] as const;
export type WorkshopTheme = (typeof WORKSHOP_THEMES)[number];

export const THEME_LABELS: Record<WorkshopTheme, string> = { place: 'Place', victim: 'Victim', offender: 'Offender', custom: 'Another theme' };

/** The theme as people read it: Place, Victim, Offender, or the custom theme's own name. */
export const themeName = (theme: string, custom: string | null): string =>
  theme === 'custom' ? (custom ?? 'Custom') : ((THEME_LABELS as Record<string, string>)[theme] ?? theme);
