/**
 * The @example of every exported function of the stats API runs here, so the documentation cannot drift from
 * the code. In an example, `expression; // => expected` (or `// => expected` on the next line) asserts the value:
 * numbers agree to the decimals written, arrays element by element, objects on the fields written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stats from './index.js';

const DIR = import.meta.dirname;
const DOC_BEFORE_FUNCTION = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)/g;

/** name -> doc comment text (without the leading asterisks), for every documented exported function in the folder. */
function docComments(): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const m of fs.readFileSync(path.join(DIR, file), 'utf8').matchAll(DOC_BEFORE_FUNCTION)) {
      docs.set(m[2] as string, (m[1] as string).replace(/^[ \t]*\* ?/gm, ''));
    }
  }
  return docs;
}

function examplesOf(doc: string): string[] {
  return doc
    .split(/^@example[ \t]*\n/m)
    .slice(1)
    .map((e) => e.split(/^@/m)[0] as string);
}

/** A number written in an example: equal to the decimals written (integers exactly). */
class Written {
  constructor(readonly text: string) {}
  matches(actual: unknown): boolean {
    const expected = Number(this.text);
    if (typeof actual !== 'number') return false;
    const [mantissa = '', exponent = '0'] = this.text.toLowerCase().split('e');
    const decimals = (mantissa.split('.')[1] ?? '').length - Number(exponent);
    const tolerance = mantissa.includes('.') ? 0.5 * 10 ** -decimals : 1e-12 * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance * (1 + 1e-9);
  }
}

function agrees(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Written) return expected.matches(actual);
  if (Array.isArray(expected)) {
    const list = actual !== null && typeof actual === 'object' && 'length' in actual ? Array.from(actual as ArrayLike<unknown>) : null;
    return list !== null && list.length === expected.length && expected.every((e, i) => agrees(list[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    return (
      actual !== null && typeof actual === 'object' && Object.entries(expected).every(([k, e]) => agrees((actual as Record<string, unknown>)[k], e))
    );
  }
  return Object.is(actual, expected);
}

const NUMBER = /(?<![\w.'"])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.'"])/gi;

/** The example as a function body: each asserted line becomes check(expression, expected, line). */
function compile(example: string): string {
  const lines = example.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const assertion = /^(.*?)\s*\/\/ => (.*)$/.exec(line);
    if (!assertion) {
      out.push(line);
      continue;
    }
    const code = (assertion[1] as string).trim() || (out.pop() as string).trim();
    const expected = (assertion[2] as string).replace(NUMBER, (n) => `written(${JSON.stringify(n)})`);
    out.push(`check(${code.replace(/;$/, '')}, ${expected}, ${JSON.stringify(line.trim())});`);
  }
  return out.join('\n');
}

function run(example: string): string[] {
  const failures: string[] = [];
  const check = (actual: unknown, expected: unknown, line: string) => {
    if (!agrees(actual, expected))
      failures.push(`${line}\n  got ${JSON.stringify(actual, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))}`);
  };
  const api = Object.entries(stats);
  new Function(...api.map(([name]) => name), 'check', 'written', compile(example))(
    ...api.map(([, value]) => value),
    check,
    (t: string) => new Written(t),
  );
  return failures;
}

const docs = docComments();
const exportedFunctions = Object.entries(stats)
  .filter(([, v]) => typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v)))
  .map(([name]) => name);

describe('stats documentation examples', () => {
  it('every exported function has a doc comment with an example', () => {
    expect(exportedFunctions.length).toBeGreaterThan(10);
    expect(exportedFunctions.filter((name) => examplesOf(docs.get(name) ?? '').length === 0)).toEqual([]);
  });

  for (const name of exportedFunctions) {
    it(`${name}: the examples are true`, () => {
      const examples = examplesOf(docs.get(name) ?? '');
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) expect(compile(example)).toContain('check(');
      expect(examples.flatMap(run)).toEqual([]);
    });
  }

  it('checks what it says: a wrong number, a missing field and a wrong length fail', () => {
    expect(run('wilsonInterval(37, 120); // => [0.2327, 0.3958]')).toEqual([]);
    expect(run('wilsonInterval(37, 120); // => [0.2327, 0.3959]')).toHaveLength(1);
    expect(run('wilsonInterval(37, 120); // => [0.2327]')).toHaveLength(1);
    expect(run('weightSummary([1, 3]); // => { mean: 2, median: 2 }')).toHaveLength(1);
    expect(run('weightSummary([1, 3]); // => { n: 2.0001 }')).toHaveLength(1);
    expect(run('baseStatus(25);\n// => "small"')).toEqual([]);
  });
});
