/** Which answers a list or "Save and next" walks through: pure. */
import type { TextAnswer } from './queries/textAnswers.js';
import { EMPTY_STATE, type UnitState } from './queries/unitStates.js';
import type { AnswerFilters } from './schema.js';

export const PAGE_SIZE = 20;

/** Coded: saved by someone in this pass (with or without themes), or given a theme (by an import, say). */
export const isCoded = (s: UnitState | undefined) => !!s && (s.reviewedAt !== null || s.themeIds.length > 0);

export function matches(answer: TextAnswer, state: UnitState | undefined, f: AnswerFilters): boolean {
  if (f.question && answer.questionCode !== f.question) return false;
  if (f.filter === 'uncoded' && isCoded(state)) return false;
  if (f.filter === 'coded' && !isCoded(state)) return false;
  if (f.filter === 'flagged' && answer.flags.length === 0) return false;
  if (f.flag && !answer.flags.includes(f.flag)) return false;
  if (f.theme && !(state ?? EMPTY_STATE).themeIds.includes(f.theme)) return false;
  return true;
}

export function filterAnswers(answers: readonly TextAnswer[], states: ReadonlyMap<string, UnitState>, f: AnswerFilters): TextAnswer[] {
  return answers.filter((a) => matches(a, states.get(a.unitKey), f));
}

/** The answer to code after this one: the next that still matches the filter, wrapping round; none when all are done. */
export function nextAnswer(
  answers: readonly TextAnswer[],
  states: ReadonlyMap<string, UnitState>,
  f: AnswerFilters,
  afterUnitKey: string,
): TextAnswer | undefined {
  const from = answers.findIndex((a) => a.unitKey === afterUnitKey);
  for (let step = 1; step <= answers.length; step++) {
    const a = answers[(from + step) % answers.length];
    if (a && a.unitKey !== afterUnitKey && matches(a, states.get(a.unitKey), f)) return a;
  }
  return undefined;
}

/** The query string that carries a list's filters to an answer's page and back. */
export function filterQuery(f: AnswerFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ question: f.question, filter: f.filter, theme: f.theme, flag: f.flag, ...extra }))
    if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
