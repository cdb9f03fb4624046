/**
 * The cells of cross-tabs: how many respondents inside the filters give each answer in each group. Asked for every
 * breakdown of a question in turn (a full analysis), respondents are counted once per question, by profile (their
 * groups in every breakdown together), and each breakdown's cells are summed from the profiles: at 1,000,000
 * responses one pass per question instead of one per question and breakdown. Where profiles are nearly as many as
 * respondents, each cross-tab counts respondents by group directly. Pure.
 */
import { countCodes } from './counting.js';

/** A breakdown as counted: each respondent's group (-1 for none) and how many groups there are. */
export interface Grouping {
  codes: Int32Array;
  size: number;
}

interface Profiles {
  /** Each member's profile. */
  id: Int32Array;
  count: number;
  /** Per grouping, each profile's group (-1 for none). */
  groupOf: Int32Array[];
}

/** What respondents are counted by: profiles, or the breakdown's own groups (groupOf null). */
interface Units {
  ids: Int32Array;
  count: number;
  groupOf: Int32Array | null;
  profiles: Profiles | null;
}

/** Combinations of groups beyond which profiles are not tried (the look-up table has one entry each). */
const MAX_COMBINATIONS = 1 << 20;

const profileCache = new WeakMap<Int32Array, WeakMap<Grouping[], Profiles | null>>();
/** Per profiles, the last question's counts (a full analysis asks every breakdown of a question in a row). */
const lastCounts = new WeakMap<Profiles, { answers: Int32Array; counts: Float64Array }>();

function profilesOf(members: Int32Array, groupings: Grouping[], n: number): Profiles | null {
  let combinations = 1;
  for (const g of groupings) combinations *= g.size + 1;
  if (combinations > MAX_COMBINATIONS) return null;
  const dense = new Int32Array(combinations).fill(-1);
  const keys: number[] = [];
  const id = new Int32Array(n);
  for (let m = 0; m < members.length; m++) {
    const i = members[m] as number;
    let key = 0;
    for (const g of groupings) key = key * (g.size + 1) + (g.codes[i] as number) + 1;
    let p = dense[key] as number;
    if (p < 0) {
      p = keys.length;
      dense[key] = p;
      keys.push(key);
    }
    id[i] = p;
  }
  const groupOf = groupings.map(() => new Int32Array(keys.length));
  keys.forEach((key, p) => {
    let rest = key;
    for (let j = groupings.length - 1; j >= 0; j--) {
      const radix = (groupings[j] as Grouping).size + 1;
      (groupOf[j] as Int32Array)[p] = (rest % radix) - 1;
      rest = Math.floor(rest / radix);
    }
  });
  return { id, count: keys.length, groupOf };
}

function unitsFor(members: Int32Array, groupings: Grouping[], which: number, rows: number): Units {
  let byGroupings = profileCache.get(members);
  if (!byGroupings) {
    byGroupings = new WeakMap();
    profileCache.set(members, byGroupings);
  }
  if (!byGroupings.has(groupings)) byGroupings.set(groupings, profilesOf(members, groupings, (groupings[which] as Grouping).codes.length));
  const profiles = byGroupings.get(groupings) ?? null;
  const grouping = groupings[which] as Grouping;
  // Summing a profile table costs rows x profiles per cross-tab; counting by group costs one step per member.
  if (profiles && profiles.count * (rows + 2) <= members.length / 2)
    return { ids: profiles.id, count: profiles.count, groupOf: profiles.groupOf[which] as Int32Array, profiles };
  return { ids: grouping.codes, count: grouping.size, groupOf: null, profiles: null };
}

/**
 * Per unit counts (computed, or the last ones for the same answers) summed by group: counted row k (at offset
 * at(k), `counted` of them) goes to output row rowOf(k) (none when -1), of `rows`.
 */
function byGroup(
  units: Units,
  answers: Int32Array,
  shape: { counted: number; rows: number; G: number; rowOf: (k: number) => number; at: (k: number) => number },
  count: (u: Units) => Float64Array,
): Float64Array {
  let counts: Float64Array;
  const last = units.profiles ? lastCounts.get(units.profiles) : undefined;
  if (last?.answers === answers) counts = last.counts;
  else {
    counts = count(units);
    if (units.profiles) lastCounts.set(units.profiles, { answers, counts });
  }
  const { G } = shape;
  const out = new Float64Array(shape.rows * G);
  for (let k = 0; k < shape.counted; k++) {
    const r = shape.rowOf(k);
    if (r < 0) continue;
    const from = shape.at(k);
    for (let u = 0; u < units.count; u++) {
      const g = units.groupOf ? (units.groupOf[u] as number) : u;
      if (g >= 0) out[r * G + g] = (out[r * G + g] as number) + (counts[from + u] as number);
    }
  }
  return out;
}

/**
 * Single choice: out[r * G + g] = members whose answer (`answers`: option codes, -1 and -2 for none) is at row level
 * r (levelOf[code], -1 for none of them, `levels` of them) in group g of groupings[which].
 */
export function crossTabCells(
  members: Int32Array,
  answers: Int32Array,
  levelOf: Int32Array,
  levels: number,
  groupings: Grouping[],
  which: number,
): Float64Array {
  const options = levelOf.length;
  const units = unitsFor(members, groupings, which, options);
  return byGroup(
    units,
    answers,
    {
      counted: options,
      rows: levels,
      G: (groupings[which] as Grouping).size,
      rowOf: (k) => levelOf[k] as number,
      at: (k) => (k + 2) * (units.count + 2) + 2,
    },
    (u) => countCodes(members, answers, options, { codes: u.ids, size: u.count }),
  );
}

/**
 * Multiple choice: out[k * G + g] = members choosing substantive option k in group g; row K (the number of options)
 * holds the members choosing at least one substantive option.
 */
export function listCrossTabCells(
  members: Int32Array,
  list: { starts: Int32Array; items: Int32Array },
  substantive: Uint8Array,
  groupings: Grouping[],
  which: number,
): Float64Array {
  const K = substantive.length;
  const units = unitsFor(members, groupings, which, K + 1);
  const count = (u: Units) => {
    const counts = new Float64Array((K + 1) * u.count);
    for (let m = 0; m < members.length; m++) {
      const i = members[m] as number;
      const unit = u.ids[i] as number;
      if (unit < 0) continue;
      let any = 0;
      for (let j = list.starts[i] as number; j < (list.starts[i + 1] as number); j++) {
        const k = list.items[j] as number;
        if (!substantive[k]) continue;
        counts[k * u.count + unit] = (counts[k * u.count + unit] as number) + 1;
        any = 1;
      }
      counts[K * u.count + unit] = (counts[K * u.count + unit] as number) + any;
    }
    return counts;
  };
  const shape = { counted: K + 1, rows: K + 1, G: (groupings[which] as Grouping).size, rowOf: (k: number) => k, at: (k: number) => k * units.count };
  return byGroup(units, list.items, shape, count);
}
