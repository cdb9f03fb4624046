import { describe, expect, it } from 'vitest';
import { asbPerceptionScore } from './asbScore.js';

const V = 'very_big_problem';
const F = 'fairly_big_problem';
const N = 'not_very_big_problem';
const Z = 'not_a_problem';
const scores = { [V]: 3, [F]: 2, [N]: 1, [Z]: 0 };

describe('asbPerceptionScore', () => {
  it('sums seven items scored 3..0 and counts 11 or more as high', () => {
    const r = asbPerceptionScore(
      [
        [V, V, V, V, V, V, V], // 21
        [F, F, F, F, N, Z, Z], // 9
        [V, F, F, F, Z, Z, Z], // 9
        [V, V, F, N, Z, Z, Z], // 9
        [V, V, V, N, N, Z, Z], // 11
        [V, V, V, V, 'dont_know', Z, Z], // not scored
        [V, V, V, V, null, Z, Z], // not scored
        [V, V, V], // not scored: incomplete
        [Z, Z, Z, Z, Z, Z, Z], // 0
      ],
      { scores, highThreshold: 11 },
    );
    expect(r.scores).toEqual([21, 9, 9, 9, 11, null, null, null, 0]);
    expect(r.n).toBe(6);
    expect(r.meanScore).toBeCloseTo(59 / 6, 14);
    expect(r.highCount).toBe(2);
    expect(r.highPercent).toBeCloseTo(100 / 3, 13);
    // R: prop.test(2, 6, correct = FALSE)$conf.int * 100
    expect(r.highCi95?.[0]).toBeCloseTo(9.67714111057805, 10);
    expect(r.highCi95?.[1]).toBeCloseTo(70.00066848616081, 10);
  });

  it('has no base when nobody answered all items', () => {
    const r = asbPerceptionScore([[V]], { scores, highThreshold: 11 });
    expect(r.n).toBe(0);
    expect(r.highPercent).toBeNull();
  });
});
