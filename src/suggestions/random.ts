import { mulberry32 } from '../platform/mulberry32.js';

/** The seeded generator: the same seed gives the same training order and the same clusters. */
export const seededRandom = mulberry32;

/** Fisher-Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i] as T;
    out[i] = out[j] as T;
    out[j] = t;
  }
  return out;
}
