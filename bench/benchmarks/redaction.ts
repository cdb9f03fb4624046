// npm run bench -- redaction: the redactor on its labelled bench set (src/redaction/labelled/bench.txt), recall and
// precision per kind, the share of clean sentences left unchanged, and sentences redacted a second.
import fs from 'node:fs';
import { parseLabelledSet, scoreRedactor } from '../../src/redaction/labelledSet.js';
import { redactText } from '../../src/redaction/redactText.js';
import type { Benchmark, Result } from '../support/types.js';

const RECALL_TARGETS = { name: 0.85, email: 0.95, phone: 0.95, postcode: 0.95, address: 0.85, vehicle: 0.95 } as const;

const benchmark: Benchmark = {
  name: 'redaction',
  description: 'personal data found in residents’ free text: recall and precision per kind on the labelled bench set',
  async run(): Promise<Result[]> {
    const sentences = parseLabelledSet(fs.readFileSync(new URL('../../src/redaction/labelled/bench.txt', import.meta.url), 'utf8'));
    const score = scoreRedactor(sentences);
    const results: Result[] = [];
    for (const k of score.kinds) {
      results.push({
        name: `${k.kind} recall`,
        value: k.recall,
        unit: '',
        better: 'higher',
        target: { kind: 'atLeast', value: RECALL_TARGETS[k.kind] },
        notes: `${k.recalled} of ${k.marked} marked found`,
      });
      results.push({
        name: `${k.kind} precision`,
        value: k.precision,
        unit: '',
        better: 'higher',
        target: { kind: 'none' },
        notes: `${k.correct} of ${k.found} findings right`,
      });
    }
    results.push({
      name: 'clean sentences unchanged',
      value: score.cleanUnchanged / score.clean,
      unit: '',
      better: 'higher',
      target: { kind: 'atLeast', value: 0.9 },
      notes: `${score.cleanUnchanged} of ${score.clean}; ${sentences.length} sentences in all`,
    });
    const texts = sentences.map((s) => s.text);
    for (const t of texts) redactText(t); // warm-up
    const rounds = 20;
    const started = performance.now();
    for (let r = 0; r < rounds; r++) for (const t of texts) redactText(t);
    const seconds = (performance.now() - started) / 1000;
    results.push({
      name: 'sentences redacted a second',
      value: (rounds * texts.length) / seconds,
      unit: '/s',
      better: 'higher',
      target: { kind: 'none' },
      notes: `${rounds} passes over the set on one core`,
    });
    if (score.misses.length > 0) process.stderr.write(`  missed:\n    ${score.misses.join('\n    ')}\n`);
    if (score.falsePositives.length > 0) process.stderr.write(`  wrongly redacted:\n    ${score.falsePositives.join('\n    ')}\n`);
    return results;
  },
};

export default benchmark;
