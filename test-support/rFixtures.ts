// Test-only helpers: read the R comparison fixtures (fixtures/analysis, see its README). Not imported by production code.
import { readFileSync } from 'node:fs';

export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/analysis/${name}`, import.meta.url), 'utf8');
}

export function readJsonFixture<T = unknown>(name: string): T {
  return JSON.parse(readFixture(name)) as T;
}

/** The rows of a fixture CSV (no quoting in these files) as objects keyed by the header. */
export function readCsvFixture(name: string): Record<string, string>[] {
  const [head, ...lines] = readFixture(name).trim().split('\n');
  const columns = (head as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

export function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}
