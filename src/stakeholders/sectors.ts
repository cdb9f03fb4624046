/** The kinds of organisation a Community Safety Partnership invites (the seed's Appendix 2). Pure. */
export const SECTORS = ['police', 'fire', 'health', 'probation', 'housing', 'education', 'voluntary', 'business', 'faith', 'council'] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_LABELS: Record<Sector, string> = {
  police: 'Police',
  fire: 'Fire and rescue',
  health: 'Health',
  probation: 'Probation',
  housing: 'Housing',
  education: 'Education',
  voluntary: 'Voluntary and community',
  business: 'Business',
  faith: 'Faith',
  council: 'Council',
};

export const sectorLabel = (sector: string): string => (SECTOR_LABELS as Record<string, string>)[sector] ?? sector;
