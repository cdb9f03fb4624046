import { expect, it } from 'vitest';
import { combineRounds, loadAlternately } from './alternate.js';
import type { LoadResult } from './load.js';

const round = (requestsPerSecond: number, latencyMeanMs: number, latencyP99Ms: number, requests: number, failed = 0): LoadResult => ({
  requestsPerSecond,
  latencyMeanMs,
  latencyP99Ms,
  requests,
  ok: requests - failed,
  non2xx: failed,
  errors: 0,
  timeouts: 0,
  bytesPerSecond: requestsPerSecond * 100,
});

it('loads the two in turn, swapping which goes first each round', async () => {
  const order: string[] = [];
  const load = (name: string) => async () => {
    order.push(name);
    return round(order.length, 1, 1, 1);
  };
  const { a, b } = await loadAlternately(load('a'), load('b'), 3);
  expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
  expect(a.map((r) => r.requestsPerSecond)).toEqual([1, 4, 5]);
  expect(b.map((r) => r.requestsPerSecond)).toEqual([2, 3, 6]);
});

it('combines rounds: mean rate, summed counts, request-weighted mean latency, middle p99', () => {
  const combined = combineRounds([round(1000, 2, 30, 2000), round(3000, 4, 10, 6000, 5), round(2000, 3, 20, 4000)]);
  expect(combined).toEqual({
    requestsPerSecond: 2000,
    latencyMeanMs: (2 * 2000 + 4 * 6000 + 3 * 4000) / 12000,
    latencyP99Ms: 20,
    requests: 12000,
    ok: 11995,
    non2xx: 5,
    errors: 0,
    timeouts: 0,
    bytesPerSecond: 200000,
  });
  expect(() => combineRounds([])).toThrow(RangeError);
});
