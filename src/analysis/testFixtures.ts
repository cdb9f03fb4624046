/** Hand-built responses shared by the analysis tests. */
import type { Answers } from '../surveys/index.js';

// Ten hand-built respondents; expected figures worked out by hand (Wilson: p̂, z = 1.959964; McNemar: (b-c)²/(b+c)).
const vb = 'very_big_problem';
const fb = 'fairly_big_problem';
const nvb = 'not_very_big_problem';
const nap = 'not_a_problem';
const ASB = ['asb_noisy_neighbours', 'asb_teenagers', 'asb_litter', 'asb_vandalism', 'asb_drugs', 'asb_drunk', 'asb_abandoned_cars'];
const asb = (items: string[]) => Object.fromEntries(items.map((v, k) => [ASB[k], v]));

export const HAND_BUILT: Answers[] = [
  {
    channel: 'online',
    ward: 'earlsdon',
    safe_day: 'very_safe',
    safe_dark: 'fairly_safe',
    ...asb([vb, vb, vb, vb, fb, fb, nap]),
    asb_fly_tipping: vb,
    concerns: ['fly_tipping', 'asb', 'drugs'],
    victim: 'yes',
    victim_reported: 'yes',
    feel_safer: 'Lighting',
  },
  {
    channel: 'online',
    ward: 'earlsdon',
    safe_day: 'very_safe',
    safe_dark: 'a_bit_unsafe',
    ...asb([fb, fb, fb, fb, fb, nvb, nap]),
    asb_fly_tipping: 'dont_know',
    concerns: ['asb'],
    victim: 'yes',
    victim_reported: 'no',
  },
  {
    channel: 'online',
    ward: 'earlsdon',
    safe_day: 'very_safe',
    safe_dark: 'very_unsafe',
    ...asb([nvb, nvb, nvb, nvb, nvb, nvb, nvb]),
    asb_fly_tipping: nap,
    concerns: ['asb', 'burglary'],
    victim: 'no',
  },
  {
    channel: 'online',
    ward: 'earlsdon',
    safe_day: 'very_safe',
    safe_dark: 'a_bit_unsafe',
    ...asb([nap, nap, nap, nap, nap, nap, nap]),
    concerns: ['drugs'],
    victim: 'no',
  },
  {
    channel: 'online',
    ward: 'earlsdon',
    safe_day: 'fairly_safe',
    safe_dark: 'fairly_safe',
    ...asb([vb, nap, nap, nap, nap, nap, nap]),
    concerns: ['fly_tipping'],
    victim: 'no',
  },
  {
    channel: 'online',
    ward: 'whoberley',
    safe_day: 'fairly_safe',
    safe_dark: 'very_unsafe',
    ...asb([fb, fb, nvb, nvb, nap, nap, 'dont_know']),
    concerns: ['asb', 'drugs'],
    victim: 'prefer_not_to_say',
  },
  { channel: 'paper', ward: 'whoberley', safe_day: 'fairly_safe', safe_dark: 'dont_know', ...asb([vb, vb, vb, vb, vb, vb, vb]), victim: 'no' },
  { channel: 'paper', ward: 'whoberley', safe_day: 'a_bit_unsafe', safe_dark: 'very_unsafe', victim: 'no' },
  { channel: 'paper', ward: 'whoberley', safe_day: 'dont_know', safe_dark: 'a_bit_unsafe' },
  { channel: 'paper', concerns: [] },
];
export const WARDS = [
  { code: 'earlsdon', name: 'Earlsdon' },
  { code: 'whoberley', name: 'Whoberley' },
];
