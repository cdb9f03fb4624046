/** Topics residents raise in almost every community safety consultation: a new codebook starts with them. */
export interface SeedTheme {
  code: string;
  name: string;
  description: string;
}

export const COMMON_THEMES: readonly SeedTheme[] = [
  {
    code: 'anti_social_behaviour',
    name: 'Anti-social behaviour',
    description: 'Nuisance, rowdiness, intimidation, groups causing trouble, off-road bikes.',
  },
  { code: 'drugs', name: 'Drugs', description: 'Drug dealing, drug use in public, cannabis smell, county lines.' },
  { code: 'fly_tipping', name: 'Fly-tipping and litter', description: 'Dumped rubbish, litter, graffiti, the look of the area.' },
  {
    code: 'speeding_road_safety',
    name: 'Speeding and road safety',
    description: 'Speeding, dangerous or careless driving, parking, speed cameras, crossings.',
  },
  { code: 'street_lighting', name: 'Street lighting', description: 'Dark streets and paths, broken or switched-off lights, overgrown bushes.' },
  {
    code: 'police_visibility',
    name: 'Police visibility',
    description: 'Seeing police and PCSOs on patrol, response times, a police station nearby.',
  },
  { code: 'youth_provision', name: 'Youth provision', description: 'Youth clubs, things for young people to do, youth workers.' },
  { code: 'knife_crime', name: 'Knife crime and violence', description: 'Knives, weapons, fights, violent crime, gangs.' },
  { code: 'burglary', name: 'Burglary', description: 'Break-ins to homes, sheds and garages.' },
  { code: 'vehicle_crime', name: 'Vehicle crime', description: 'Theft of and from vehicles, catalytic converters, bike theft.' },
  { code: 'domestic_abuse', name: 'Domestic abuse', description: 'Domestic abuse and violence against women and girls.' },
  { code: 'exploitation', name: 'Exploitation', description: 'Exploitation of children and vulnerable people, grooming, modern slavery.' },
  { code: 'cctv', name: 'CCTV', description: 'Cameras: more of them, working ones, monitored ones.' },
  { code: 'reporting', name: 'Reporting and feedback', description: 'How easy it is to report things, 101, hearing back about what was done.' },
  {
    code: 'community_engagement',
    name: 'Community engagement',
    description: 'Neighbourhood watch, meetings, residents and agencies working together.',
  },
  { code: 'other', name: 'Other', description: 'Anything no other theme covers.' },
];
