import type { LoadResult } from './load.js';

/**
 * Loads two servers in turn, round after round (A B, B A, A B, ...), so that load from outside the benchmark (other
 * work on the machine, a disk busy elsewhere) falls on both alike and their ratio stays meaningful. Both servers
 * run throughout; only the one being loaded has anything to do.
 */
export async function loadAlternately(
  a: () => Promise<LoadResult>,
  b: () => Promise<LoadResult>,
  rounds: number,
): Promise<{ a: LoadResult[]; b: LoadResult[] }> {
  const results = { a: [] as LoadResult[], b: [] as LoadResult[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) results[which].push(await (which === 'a' ? a() : b()));
  }
  return results;
}

/**
 * Rounds of equal length as one result: the mean rate, counts summed, the mean latency weighted by requests, and
 * the middle one of the rounds' p99 latencies, the median for an odd number of rounds (autocannon reports
 * percentiles per run, not the samples behind them).
 */
export function combineRounds(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 0) throw new RangeError('no rounds to combine');
  const sum = (pick: (r: LoadResult) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const requests = sum((r) => r.requests);
  const p99s = rounds.map((r) => r.latencyP99Ms).sort((x, y) => x - y);
  return {
    requestsPerSecond: sum((r) => r.requestsPerSecond) / rounds.length,
    latencyMeanMs: requests > 0 ? sum((r) => r.latencyMeanMs * r.requests) / requests : 0,
    latencyP99Ms: p99s[Math.floor(p99s.length / 2)] as number,
    requests,
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    bytesPerSecond: sum((r) => r.bytesPerSecond) / rounds.length,
  };
}
