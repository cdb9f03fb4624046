/** What changed between two versions of a survey, in words for the audit log. */
import { allQuestions } from '../columns.js';
import type { Question, SurveyDefinition } from '../definition.js';

export interface DefinitionChangeSummary {
  added: string[];
  removed: string[];
  /** Same structure, new wording: label, hint, error name, option or row labels. */
  reworded: string[];
  /** Anything else about the question: required, options or rows added, limits, showIf. */
  changed: string[];
  /** The order of the questions kept, or the page they sit on, changed. */
  reordered: boolean;
  pagesAdded: string[];
  pagesRemoved: string[];
  /** Pages with a new title or introduction. */
  pagesReworded: string[];
  titleChanged: boolean;
  summary: string;
}

const WORDING = ['label', 'hint', 'errorName'] as const;

/** The question without its wording: what is left must be equal for a change to be "wording only". */
function structure(q: Question): string {
  const rest: Record<string, unknown> = { ...q };
  for (const key of WORDING) delete rest[key];
  if ('options' in q) rest.options = q.options.map(({ label: _label, ...o }) => o);
  if (q.type === 'rating_grid') rest.rows = q.rows.map(({ label: _label, errorName: _errorName, ...r }) => r);
  return canonical(rest);
}

/** JSON with object keys sorted at every level, so key order never counts as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const wording = (q: Question) =>
  JSON.stringify([
    ...WORDING.map((k) => q[k] ?? null),
    'options' in q ? q.options.map((o) => [o.value, o.label]) : null,
    q.type === 'rating_grid' ? q.rows.map((r) => [r.code, r.label, r.errorName ?? null]) : null,
  ]);

const list = (codes: string[]) => codes.join(', ');

export function describeDefinitionChange(before: SurveyDefinition, after: SurveyDefinition): DefinitionChangeSummary {
  const old = new Map(allQuestions(before).map((q) => [q.code, q]));
  const now = new Map(allQuestions(after).map((q) => [q.code, q]));
  const added = [...now.keys()].filter((c) => !old.has(c));
  const removed = [...old.keys()].filter((c) => !now.has(c));
  const reworded: string[] = [];
  const changed: string[] = [];
  for (const [code, q] of now) {
    const was = old.get(code);
    if (!was) continue;
    if (structure(was) !== structure(q)) changed.push(code);
    else if (wording(was) !== wording(q)) reworded.push(code);
  }
  const placing = (d: SurveyDefinition, keep: (c: string) => boolean) =>
    JSON.stringify(
      d.pages
        .map((p) => ({
          page: p.code,
          codes: p.questions.map((q) => q.code).filter(keep),
        }))
        .filter((p) => p.codes.length),
    );
  const reordered = placing(before, (c) => now.has(c)) !== placing(after, (c) => old.has(c));
  const oldPages = new Map(before.pages.map((p) => [p.code, p]));
  const newPages = new Set(after.pages.map((p) => p.code));
  const pagesAdded = after.pages.filter((p) => !oldPages.has(p.code)).map((p) => p.code);
  const pagesRemoved = before.pages.filter((p) => !newPages.has(p.code)).map((p) => p.code);
  const pagesReworded = after.pages
    .filter((p) => {
      const was = oldPages.get(p.code);
      return was && (was.title !== p.title || (was.intro ?? '') !== (p.intro ?? ''));
    })
    .map((p) => p.code);
  const titleChanged = before.title !== after.title;
  const parts = [
    titleChanged && 'retitled the survey',
    added.length && `added ${list(added)}`,
    removed.length && `removed ${list(removed)}`,
    reworded.length && `reworded ${list(reworded)}`,
    changed.length && `changed ${list(changed)}`,
    reordered && 'reordered questions',
    pagesAdded.length && `added page ${list(pagesAdded)}`,
    pagesRemoved.length && `removed page ${list(pagesRemoved)}`,
    pagesReworded.length && `reworded page ${list(pagesReworded)}`,
  ].filter((p): p is string => typeof p === 'string');
  const summary = parts.length ? parts.join('; ') : 'no change';
  return {
    added,
    removed,
    reworded,
    changed,
    reordered,
    pagesAdded,
    pagesRemoved,
    pagesReworded,
    titleChanged,
    summary,
  };
}
