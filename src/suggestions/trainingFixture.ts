import type { CodedAnswer, ThemeDefinition } from './themeClassifier.js';

/** Three community-safety themes, ten coded answers each (two with two themes), written for the tests. */
export const FIXTURE_THEMES: ThemeDefinition[] = [
  { name: 'Anti-social behaviour', description: 'Groups of youths, noise, nuisance neighbours, rowdy behaviour' },
  { name: 'Drugs', description: 'Drug dealing, drug use, needles, cannabis smell' },
  { name: 'Road safety', description: 'Speeding cars, dangerous driving, parking, pedestrian crossings' },
];

export const FIXTURE_CODED: CodedAnswer[] = [
  { text: 'Gangs of youths hanging around the shops every evening shouting', themes: ['Anti-social behaviour'] },
  { text: 'Teenagers on bikes intimidating people in the park', themes: ['Anti-social behaviour'] },
  { text: 'Noisy neighbours playing loud music until 3am', themes: ['Anti-social behaviour'] },
  { text: 'Youths throwing stones at buses', themes: ['Anti-social behaviour'] },
  { text: 'Rowdy drunk people outside the pub at closing time', themes: ['Anti-social behaviour'] },
  { text: 'Graffiti and vandalism on the bus shelter by gangs of kids', themes: ['Anti-social behaviour'] },
  { text: 'Kids kicking footballs at windows and swearing at residents', themes: ['Anti-social behaviour'] },
  { text: 'Fireworks let off by youths late at night', themes: ['Anti-social behaviour'] },
  { text: 'Groups of young people shouting and fighting in the street', themes: ['Anti-social behaviour'] },
  { text: 'Youths smoking weed in the underpass and shouting abuse', themes: ['Anti-social behaviour', 'Drugs'] },
  { text: 'Drug dealing openly on the corner of our road', themes: ['Drugs'] },
  { text: 'Needles left in the children’s play area', themes: ['Drugs'] },
  { text: 'Constant smell of cannabis from the flats', themes: ['Drugs'] },
  { text: 'Dealers on mopeds selling drugs outside the school', themes: ['Drugs'] },
  { text: 'People injecting heroin in the alleyway', themes: ['Drugs'] },
  { text: 'County lines dealers using a vulnerable neighbour’s flat', themes: ['Drugs'] },
  { text: 'Cannabis farms in empty houses', themes: ['Drugs'] },
  { text: 'Drug users begging at the station', themes: ['Drugs'] },
  { text: 'Too many drug deals happening in the car park at night', themes: ['Drugs', 'Road safety'] },
  { text: 'Nitrous oxide canisters and drug litter everywhere', themes: ['Drugs'] },
  { text: 'Cars speeding down the high street', themes: ['Road safety'] },
  { text: 'Dangerous driving near the primary school at pick-up time', themes: ['Road safety'] },
  { text: 'We need a pedestrian crossing on the main road', themes: ['Road safety'] },
  { text: 'Boy racers doing doughnuts in the retail park', themes: ['Road safety'] },
  { text: 'Parking on the pavement so pushchairs must go in the road', themes: ['Road safety'] },
  { text: 'Speed cameras needed, drivers ignore the 20 limit', themes: ['Road safety'] },
  { text: 'Motorbikes racing along the canal path', themes: ['Road safety'] },
  { text: 'Vans speeding through the estate as a rat run', themes: ['Road safety'] },
  { text: 'Cars running red lights at the junction', themes: ['Road safety'] },
  { text: 'Drivers using phones while driving past the school', themes: ['Road safety'] },
];

/** Answers nobody coded, each with the theme a person would give it. */
export const FIXTURE_HELD_OUT: CodedAnswer[] = [
  { text: 'Youths shouting and hanging around the shops at night', themes: ['Anti-social behaviour'] },
  { text: 'Someone is dealing drugs from the flat next door', themes: ['Drugs'] },
  { text: 'Speeding cars outside the school', themes: ['Road safety'] },
  { text: 'Loud music and noisy neighbours', themes: ['Anti-social behaviour'] },
  { text: 'Needles in the park from drug users', themes: ['Drugs'] },
  { text: 'Dangerous parking and driving on our road', themes: ['Road safety'] },
];
