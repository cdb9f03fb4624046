import { mulberry32 } from '../../platform/mulberry32.js';

/** A tiny seeded PRNG (mulberry32) and the draws the demo generators need: same seed, same data. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One key, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Up to n distinct keys, each draw proportional to the weights left. */
  sample<K extends string>(weights: Readonly<Record<K, number>>, n: number): K[];
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const weighted = <K extends string>(weights: Readonly<Record<K, number>>): K => {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    const last = entries.at(-1);
    if (!last) throw new Error('weighted() needs at least one weight');
    return last[0];
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick() needs at least one item');
      return item;
    },
    weighted,
    sample: <K extends string>(weights: Readonly<Record<K, number>>, n: number): K[] => {
      const left: Partial<Record<K, number>> = { ...weights };
      const out: K[] = [];
      while (out.length < n && Object.keys(left).length > 0) {
        const key = weighted(left as Record<K, number>);
        out.push(key);
        delete left[key];
      }
      return out;
    },
  };
}
