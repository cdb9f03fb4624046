/**
 * The issues the Strategic Assessment weighs (docs/assessment.md): each with the police.uk crime types that record it
 * (current and 2011 names) or partners’ datasets record it under, the crime survey's concern that asks about it (question `concerns`), and the harm it is
 * pre-filled with (1 = low, 5 = severe; the officer's to change). Plain data.
 */
export interface Issue {
  code: string;
  label: string;
  crimeTypes: readonly string[];
  /** The option of the crime survey's `concerns` question; null when the survey does not ask. */
  concern: string | null;
  harm: number;
}

export const ISSUES: readonly Issue[] = [
  {
    code: 'violence',
    label: 'Violence and sexual offences',
    crimeTypes: ['Violence and sexual offences', 'Violent crime'],
    concern: 'violence',
    harm: 5,
  },
  { code: 'weapons', label: 'Possession of weapons (knife crime)', crimeTypes: ['Possession of weapons'], concern: 'knife_crime', harm: 5 },
  { code: 'robbery', label: 'Robbery', crimeTypes: ['Robbery'], concern: null, harm: 4 },
  { code: 'burglary', label: 'Burglary', crimeTypes: ['Burglary'], concern: 'burglary', harm: 4 },
  { code: 'drugs', label: 'Drugs', crimeTypes: ['Drugs'], concern: 'drugs', harm: 3 },
  { code: 'vehicle_crime', label: 'Vehicle crime', crimeTypes: ['Vehicle crime'], concern: 'vehicle_crime', harm: 3 },
  { code: 'asb', label: 'Anti-social behaviour', crimeTypes: ['Anti-social behaviour'], concern: 'asb', harm: 2 },
  { code: 'criminal_damage', label: 'Criminal damage and arson', crimeTypes: ['Criminal damage and arson'], concern: null, harm: 3 },
  { code: 'public_order', label: 'Public order', crimeTypes: ['Public order'], concern: null, harm: 2 },
  { code: 'shoplifting', label: 'Shoplifting', crimeTypes: ['Shoplifting'], concern: 'shoplifting', harm: 2 },
  {
    code: 'theft',
    label: 'Other theft, theft from the person and bicycle theft',
    crimeTypes: ['Other theft', 'Theft from the person', 'Bicycle theft'],
    concern: null,
    harm: 2,
  },
  { code: 'fly_tipping', label: 'Fly-tipping', crimeTypes: ['Fly-tipping'], concern: 'fly_tipping', harm: 2 },
];

export const issueOf = (code: string) => ISSUES.find((i) => i.code === code);
