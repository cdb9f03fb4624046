/**
 * The labelled sentences the redactor is measured on (labelled/*.txt): one sentence a line, personal data marked
 * {kind|text}, lines starting # ignored. Scoring is by overlap: a marked piece is found when a finding of the same
 * kind overlaps it; a finding is right when it overlaps a marked piece of its kind. Pure: reading files is the caller's.
 */
import { findPersonalData, REDACTION_KINDS, type RedactionKind } from './redactText.js';

export interface LabelledSentence {
  text: string;
  marks: { start: number; end: number; kind: RedactionKind }[];
}

const MARK = /\{(\w+)\|([^}]*)\}/g;

export function parseLabelledSet(source: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  for (const line of source.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    let text = '';
    let at = 0;
    const marks: LabelledSentence['marks'] = [];
    for (const m of line.matchAll(MARK)) {
      const kind = m[1] as RedactionKind;
      if (!REDACTION_KINDS.includes(kind)) throw new Error(`Unknown kind "${m[1]}" in: ${line}`);
      text += line.slice(at, m.index);
      marks.push({ start: text.length, end: text.length + (m[2] ?? '').length, kind });
      text += m[2];
      at = m.index + m[0].length;
    }
    sentences.push({ text: text + line.slice(at), marks });
  }
  return sentences;
}

export interface KindScore {
  kind: RedactionKind;
  marked: number;
  found: number;
  /** Marked pieces overlapped by a finding of their kind. */
  recalled: number;
  /** Findings overlapping a marked piece of their kind. */
  correct: number;
  recall: number;
  precision: number;
}

export interface Score {
  kinds: KindScore[];
  clean: number;
  cleanUnchanged: number;
  /** Clean sentences that changed, and marked pieces missed: what to look at. */
  falsePositives: string[];
  misses: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreRedactor(sentences: LabelledSentence[]): Score {
  const tally = new Map(REDACTION_KINDS.map((k) => [k, { marked: 0, found: 0, recalled: 0, correct: 0 }]));
  let clean = 0;
  let cleanUnchanged = 0;
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const s of sentences) {
    const findings = findPersonalData(s.text);
    if (s.marks.length === 0) {
      clean++;
      if (findings.length === 0) cleanUnchanged++;
    }
    for (const m of s.marks) {
      const t = tally.get(m.kind) as { marked: number; recalled: number };
      t.marked++;
      if (findings.some((f) => f.kind === m.kind && overlaps(f, m))) t.recalled++;
      else misses.push(`${m.kind} "${s.text.slice(m.start, m.end)}" in: ${s.text}`);
    }
    for (const f of findings) {
      const t = tally.get(f.kind) as { found: number; correct: number };
      t.found++;
      if (s.marks.some((m) => m.kind === f.kind && overlaps(f, m))) t.correct++;
      else falsePositives.push(`${f.kind} "${s.text.slice(f.start, f.end)}" in: ${s.text}`);
    }
  }
  const kinds = REDACTION_KINDS.map((kind) => {
    const t = tally.get(kind) as { marked: number; found: number; recalled: number; correct: number };
    return { kind, ...t, recall: t.marked === 0 ? 1 : t.recalled / t.marked, precision: t.found === 0 ? 1 : t.correct / t.found };
  });
  return { kinds, clean, cleanUnchanged, falsePositives, misses };
}
