/** One demo respondent's raw answers to the crime survey: who they are first, then how they feel. */
import type { Ward } from '../../surveys/index.js';
import { feelSaferText } from './freeText.js';
import type { Random } from './random.js';

type Raw = Record<string, string | string[]>;

/** Leaves an optional answer blank now and then, as real respondents do. */
function maybe(random: Random, raw: Raw, code: string, value: () => string | string[], skip = 0.04) {
  if (!random.chance(skip)) raw[code] = value();
}

const clamp = (p: number) => Math.min(0.98, Math.max(0.02, p));

function equality(random: Random, raw: Raw) {
  maybe(random, raw, 'age_band', () =>
    random.weighted({
      age_16_24: 6,
      age_25_34: 14,
      age_35_44: 18,
      age_45_54: 19,
      age_55_64: 18,
      age_65_74: 14,
      age_75_plus: 6,
      prefer_not_to_say: 5,
    }),
  );
  maybe(random, raw, 'sex', () => random.weighted({ female: 53, male: 42, prefer_not_to_say: 5 }));
  maybe(random, raw, 'gender_identity', () => random.weighted({ yes: 92, no: 1, prefer_not_to_say: 7 }));
  maybe(random, raw, 'ethnicity', () =>
    random.weighted({
      white_british: 56,
      white_irish: 2,
      white_gypsy_traveller: 0.3,
      white_roma: 0.4,
      white_other: 5,
      asian_indian: 8,
      asian_pakistani: 3,
      asian_bangladeshi: 1,
      asian_chinese: 1.5,
      asian_other: 1.5,
      black_african: 5,
      black_caribbean: 1.2,
      black_other: 0.5,
      mixed_white_black_caribbean: 1.2,
      mixed_white_black_african: 0.5,
      mixed_white_asian: 0.7,
      mixed_other: 0.6,
      other_arab: 0.8,
      other_any: 1,
      prefer_not_to_say: 6,
    }),
  );
  maybe(random, raw, 'disability', () => random.weighted({ yes_a_lot: 8, yes_a_little: 14, no: 71, prefer_not_to_say: 7 }));
  maybe(random, raw, 'religion', () =>
    random.weighted({
      no_religion: 33,
      christian: 40,
      buddhist: 0.5,
      hindu: 3.5,
      jewish: 0.3,
      muslim: 8,
      sikh: 5,
      other_religion: 1,
      prefer_not_to_say: 8,
    }),
  );
  maybe(random, raw, 'sexual_orientation', () =>
    random.weighted({ straight: 84, gay_lesbian: 2.5, bisexual: 2, other_orientation: 0.5, prefer_not_to_say: 11 }),
  );
}

/** [row, share feeling safe, dont_know share, very_safe share of the safe, very_unsafe share of the unsafe]. */
const SAFETY: [string, number, number, number, number][] = [
  ['safe_day', 0.84, 0.02, 0.4, 0.3],
  ['safe_dark', 0.47, 0.03, 0.18, 0.4],
  ['safe_centre_day', 0.72, 0.04, 0.3, 0.3],
  ['safe_centre_dark', 0.3, 0.06, 0.12, 0.45],
];

/** Anxiety in about [0, 1]: women and older people feel less safe after dark (as the ONS benchmark finds). */
function anxietyOf(random: Random, raw: Raw): number {
  const older = raw.age_band === 'age_65_74' || raw.age_band === 'age_75_plus';
  return random.next() * 0.8 + (raw.sex === 'female' ? 0.2 : raw.sex === 'male' ? 0 : 0.1) + (older ? 0.05 : 0) - 0.02;
}

function safety(random: Random, raw: Raw, anxiety: number) {
  const u = random.next();
  for (const [row, safe, dontKnow, verySafe, veryUnsafe] of SAFETY) {
    if (random.chance(dontKnow)) {
      raw[row] = 'dont_know';
      continue;
    }
    const felt = u + (random.next() - 0.5) * 0.15;
    raw[row] =
      felt < clamp(safe + 0.6 * (0.5 - anxiety))
        ? random.chance(verySafe)
          ? 'very_safe'
          : 'fairly_safe'
        : random.chance(veryUnsafe)
          ? 'very_unsafe'
          : 'a_bit_unsafe';
  }
}

/** Share seeing each item as a very or fairly big problem. */
const ASB_BIG: Record<string, number> = {
  asb_noisy_neighbours: 0.2,
  asb_teenagers: 0.45,
  asb_litter: 0.6,
  asb_vandalism: 0.38,
  asb_drugs: 0.55,
  asb_drunk: 0.33,
  asb_abandoned_cars: 0.12,
  asb_fly_tipping: 0.66,
};

function problems(random: Random, raw: Raw, anxiety: number) {
  if (random.chance(0.03)) return;
  for (const [row, big] of Object.entries(ASB_BIG)) {
    if (random.chance(0.05)) raw[row] = 'dont_know';
    else if (random.chance(clamp(big + 0.3 * (anxiety - 0.5)))) raw[row] = random.chance(0.45) ? 'very_big_problem' : 'fairly_big_problem';
    else raw[row] = random.chance(0.55) ? 'not_very_big_problem' : 'not_a_problem';
  }
  const howMany = random.weighted({ 0: 4, 1: 14, 2: 24, 3: 58 });
  const concerns = random.sample(
    {
      fly_tipping: 48,
      asb: 32,
      vehicle_crime: 22,
      drugs: 17,
      burglary: 10,
      road_safety: 9,
      violence: 7,
      knife_crime: 7,
      shoplifting: 5,
      domestic_abuse: 4,
      hate_crime: 3,
      exploitation: 3,
    },
    Number(howMany),
  );
  if (concerns.length > 0) raw.concerns = random.chance(0.5) ? concerns : concerns.join(';');
}

function worry(random: Random, raw: Raw, anxiety: number) {
  const rows: [string, number][] = [
    ['worry_burglary', 0.45],
    ['worry_mugged', 0.33],
    ['worry_car_stolen', 0.4],
    ['worry_attacked', 0.3],
  ];
  for (const [row, base] of rows) {
    if (row === 'worry_car_stolen' && random.chance(0.18)) raw[row] = 'not_applicable';
    else if (random.chance(clamp(base + 0.7 * (anxiety - 0.5)))) raw[row] = random.chance(0.35) ? 'very_worried' : 'fairly_worried';
    else raw[row] = random.chance(0.6) ? 'not_very_worried' : 'not_at_all_worried';
  }
}

function experience(random: Random, raw: Raw) {
  raw.victim = random.weighted({ yes: 25, no: 71, prefer_not_to_say: 4 });
  if (raw.victim !== 'yes') return;
  raw.victim_reported = random.weighted({ yes: 49, no: 46, dont_remember: 5 });
  if (raw.victim_reported !== 'no') return;
  raw.victim_not_reported_why = random.sample(
    {
      nothing_could_be_done: 30,
      not_interested: 25,
      too_trivial: 18,
      too_difficult: 12,
      fear_of_reprisal: 6,
      did_not_know_how: 5,
      dealt_with_it: 4,
      reported_elsewhere: 4,
      other_reason: 3,
    },
    1 + random.int(2),
  );
}

function confidence(random: Random, raw: Raw) {
  maybe(random, raw, 'police_job', () => random.weighted({ excellent: 4, good: 24, fair: 36, poor: 18, very_poor: 10, dont_know: 8 }), 0.05);
  maybe(
    random,
    raw,
    'deal_with_issues',
    () => random.weighted({ strongly_agree: 5, tend_to_agree: 30, neither: 22, tend_to_disagree: 21, strongly_disagree: 13, dont_know: 9 }),
    0.05,
  );
}

/** Postcode sectors for the demo, one short list per ward by position (a plausible spread, not a real lookup). */
const SECTORS = [
  'CV1 2',
  'CV1 3',
  'CV1 5',
  'CV2 1',
  'CV2 2',
  'CV2 4',
  'CV2 5',
  'CV3 1',
  'CV3 2',
  'CV3 4',
  'CV3 5',
  'CV3 6',
  'CV4 8',
  'CV4 9',
  'CV5 6',
  'CV5 7',
  'CV5 8',
  'CV6 1',
  'CV6 2',
  'CV6 3',
  'CV6 4',
  'CV6 5',
  'CV6 6',
  'CV6 7',
];
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function fullPostcode(random: Random, wardIndex: number): string {
  const sector = SECTORS[(wardIndex * 4 + random.int(3)) % SECTORS.length] ?? 'CV1 2';
  const letters = `${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
  const full = `${sector}${letters}`;
  return random.chance(0.3) ? full.toLowerCase().replace(' ', '') : full;
}

export function crimeRawAnswers(random: Random, wards: Ward[], wardWeights: Record<string, number>): Raw {
  const raw: Raw = {};
  const wardCode = wards.length > 0 && random.chance(0.96) ? random.weighted(wardWeights) : undefined;
  const wardIndex = wards.findIndex((w) => w.code === wardCode);
  if (wardCode) raw.ward = wardCode;
  if (random.chance(0.55)) raw.postcode = fullPostcode(random, Math.max(0, wardIndex));
  equality(random, raw);
  const anxiety = anxietyOf(random, raw);
  safety(random, raw, anxiety);
  problems(random, raw, anxiety);
  worry(random, raw, anxiety);
  experience(random, raw);
  confidence(random, raw);
  if (random.chance(0.8)) raw.feel_safer = feelSaferText(random, wards[wardIndex]?.name);
  return raw;
}
