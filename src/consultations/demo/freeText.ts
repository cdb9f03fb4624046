/** Demo free text, composed from many fragments so answers vary the way real ones do. All demo data. */
import type { Random } from './random.js';

const PLACES_IN = ['in our area', 'around here', 'on our estate', 'in the city centre', 'in the park', 'near the shops', 'by the schools'];
const PLACES_ON = [
  'our road',
  'the main road',
  'the high street',
  'the canal towpath',
  'the ring road',
  'the footpath to the station',
  'the back alleys',
  'the cut-through',
];

/** Noun phrases; {in} takes "in <place>", {on} takes "on <street>". */
const WANTS = [
  'more police officers on foot patrol{in}',
  'better street lighting{on}',
  'CCTV that actually works{in}',
  'fly-tipping cleared much faster{in}',
  'youth clubs and things for young people to do{in}',
  'PCSOs we actually see{in}',
  'real action on drug dealing{in}',
  'a faster response when you ring 101',
  'speed cameras{on}',
  'more wardens in the city centre at night',
  'overgrown bushes cut back{on}',
  'something done about the off-road motorbikes{in}',
  'an easier way to report things online',
  'hearing back when you report something',
  'a neighbourhood watch{in}',
  'more bins and more frequent collections{in}',
  'stopping street drinking{in}',
  'safe routes home at night',
  'more buses and taxis late at night',
  'patrols around the schools at home time',
  'lighting and CCTV in the car parks',
  'knowing the police would turn up',
  'community events so neighbours get to know each other',
  'the empty shops brought back into use{in}',
  'abandoned cars removed{on}',
  'safe spaces for women in the city centre at night',
  'tougher sentences for repeat offenders',
  'needles and drug litter cleared up{in}',
  'traffic calming{on}',
  'a police station that is open to the public',
  'more done about people selling drugs from cars{on}',
  'landlords made to deal with problem tenants',
];

const OPENERS = ['', '', '', 'I would feel safer with ', 'What would help is ', 'We need ', 'Honestly, ', 'Simple: ', 'Definitely '];
const ENDINGS = [
  '',
  '',
  '',
  ', especially after dark',
  ', especially at weekends',
  '. It has got worse this year',
  ', like there used to be',
  ' so people can walk home without worrying',
  ', not just after something has happened',
  '. My children are scared to go out',
  '. I have lived here 30 years and never felt this unsafe',
  '. Most people here feel the same',
];
const SHORT = ['Not sure.', 'Nothing really, I feel safe.', 'More police.', 'Lighting.', 'CCTV.', "Don't know.", 'More bobbies on the beat.'];

function fill(phrase: string, random: Random, ward: string | undefined): string {
  const places = ward ? [...PLACES_IN, `in ${ward}`, `in ${ward}`] : PLACES_IN;
  return phrase
    .replace('{in}', () => (random.chance(0.6) ? ` ${random.pick(places)}` : ''))
    .replace('{on}', () => (random.chance(0.7) ? ` on ${random.pick(PLACES_ON)}` : ''));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An answer to "What one thing would make you feel safer?" */
export function feelSaferText(random: Random, ward?: string): string {
  if (random.chance(0.06)) return random.pick(SHORT);
  let want = fill(random.pick(WANTS), random, ward);
  if (random.chance(0.2)) want += ` and ${fill(random.pick(WANTS), random, ward)}`;
  return `${capitalise(`${random.pick(OPENERS)}${want}`)}${random.pick(ENDINGS)}.`;
}

const PARTNER_ASKS = [
  'share information between agencies faster',
  'come to ward forums and listen to residents',
  'tell residents what has been done after they report something',
  'keep the same neighbourhood officers in post for longer',
  'join up the council and police responses to fly-tipping',
  'put more into youth services and early help',
  'use the licensing powers they already have',
  'target the small number of addresses that cause most of the problems',
  'fund diversion schemes for young people at risk of exploitation',
  'work with housing providers on problem tenancies',
];

/** A councillor's answer to "What should partners do differently?" */
export function partnersText(random: Random, ward: string): string {
  const first = random.pick(PARTNER_ASKS);
  const second = random.pick(PARTNER_ASKS.filter((a) => a !== first));
  return `In ${ward}, partners should ${first}. They should also ${second}.`;
}
