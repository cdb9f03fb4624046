/** How a figure is judged: against an absolute number, or as a fraction of a baseline measured in the same run. */
export type Target =
  | { kind: 'atLeast'; value: number }
  | { kind: 'atMost'; value: number }
  | { kind: 'ratioAtLeast'; ratio: number }
  | { kind: 'ratioAtMost'; ratio: number }
  /** No target: the figure is informational (a baseline, for example). */
  | { kind: 'none' };

export interface Baseline {
  /** What the baseline is, e.g. "bare fastify". */
  name: string;
  value: number;
}

export interface Result {
  /** The figure's name as shown in the table, e.g. "home page req/s". */
  name: string;
  value: number;
  unit: string;
  /** Higher is better (req/s) or lower is better (ms); decides nothing by itself, shown for the reader. */
  better: 'higher' | 'lower';
  target: Target;
  baseline?: Baseline;
  /** Anything a reader needs to trust the figure: latency, errors, sample sizes. */
  notes?: string;
}

export interface Benchmark {
  name: string;
  description?: string;
  run(): Promise<Result[]>;
}

export type Verdict = 'PASS' | 'MISS' | 'INFO';

export function ratioOf(result: Result): number | undefined {
  return result.baseline && result.baseline.value > 0 ? result.value / result.baseline.value : undefined;
}

export function verdict(result: Result): Verdict {
  const t = result.target;
  const ratio = ratioOf(result);
  switch (t.kind) {
    case 'none':
      return 'INFO';
    case 'atLeast':
      return result.value >= t.value ? 'PASS' : 'MISS';
    case 'atMost':
      return result.value <= t.value ? 'PASS' : 'MISS';
    case 'ratioAtLeast':
      return ratio !== undefined && ratio >= t.ratio ? 'PASS' : 'MISS';
    case 'ratioAtMost':
      return ratio !== undefined && ratio <= t.ratio ? 'PASS' : 'MISS';
  }
}
