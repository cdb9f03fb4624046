/** A stored answer as people read it: option labels rather than codes, ward names, UK dates. */
import { formatLondon } from '../../platform/londonTime.js';
import type { Answers, Column, Ward } from '../../surveys/index.js';

type AnswerValue = Answers[string];

export const NOT_ANSWERED = 'Not answered';
export const NOT_ASKED = 'Not asked (an earlier answer skipped it)';

/** One answer's text: each option by its label (its code when the survey no longer has it), in the order given. */
export function answerText(column: Column, value: AnswerValue | undefined, wards: readonly Ward[]): string {
  if (value === undefined) return NOT_ASKED;
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return NOT_ANSWERED;
  const label = (code: string) => {
    if (column.type === 'ward') return wards.find((w) => w.code === code)?.name ?? code;
    return column.options?.find((o) => o.value === code)?.label ?? code;
  };
  if (Array.isArray(value)) {
    return column.type === 'ranking' ? value.map((v, i) => `${i + 1}. ${label(v)}`).join('; ') : value.map(label).join('; ');
  }
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLondon(`${value}T12:00:00Z`, 'date');
  return typeof value === 'number' ? String(value) : label(value);
}

export interface AnswerLine {
  code: string;
  label: string;
  text: string;
}

/** Every column of the survey with its answer's text. */
export const answerLines = (columns: readonly Column[], answers: Answers, wards: readonly Ward[]): AnswerLine[] =>
  columns.map((c) => ({ code: c.code, label: c.label, text: answerText(c, answers[c.code], wards) }));

export interface AnswerChange {
  label: string;
  was: string;
  became: string;
}

/** What changed between two versions of the answers, in survey order. */
export function answerChanges(columns: readonly Column[], before: Answers, after: Answers, wards: readonly Ward[]): AnswerChange[] {
  return columns
    .map((c) => ({ label: c.label, was: answerText(c, before[c.code], wards), became: answerText(c, after[c.code], wards) }))
    .filter((change) => change.was !== change.became);
}
