/** A new question from what a staff member typed: type, code, wording, options as lines, limits. */
import type { FieldError } from '../../platform/errors.js';
import type { Question, QuestionType, ShowIf, SurveyDefinition } from '../definition.js';
import { parseOptionLines, parseRowLines, questionCodeFromLabel } from './codes.js';

export interface QuestionInput {
  type: QuestionType;
  /** Blank: made from the label ("How safe do you feel?" -> how_safe_do_you_feel). */
  code?: string;
  label: string;
  hint?: string;
  required: boolean;
  /** One option a line: "value|label", or "label" alone (the value made from it). */
  options?: string;
  /** One grid row a line: "code|label", or "label" alone (the code made from the question code and it). */
  rows?: string;
  maxChoices?: number;
  rankTop?: number;
  /** Blank: 200 characters for short text, 2,000 for long text. */
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  showIf?: ShowIf;
}

export const DEFAULT_MAX_LENGTH = { short_text: 200, long_text: 2000 } as const;

export type BuildResult = { ok: true; question: Question } | { ok: false; errors: FieldError[] };

/** Question and grid-row codes already in the survey (they share one namespace). */
export function usedCodes(definition: SurveyDefinition): Set<string> {
  return new Set(
    definition.pages.flatMap((p) => p.questions.flatMap((q) => [q.code, ...(q.type === 'rating_grid' ? q.rows.map((r) => r.code) : [])])),
  );
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function details(input: QuestionInput, code: string, errors: FieldError[]): Record<string, unknown> {
  const choices = () => {
    const parsed = parseOptionLines(input.options ?? '');
    if (!parsed.ok) errors.push({ field: 'options', message: parsed.message });
    return parsed.ok ? parsed.items : [];
  };
  switch (input.type) {
    case 'single_choice':
      return { options: choices() };
    case 'multiple_choice':
      return { options: choices(), maxChoices: input.maxChoices };
    case 'rating_grid': {
      const rows = parseRowLines(input.rows ?? '', code);
      if (!rows.ok) errors.push({ field: 'rows', message: rows.message });
      return { rows: rows.ok ? rows.items : [], options: choices() };
    }
    case 'ranking':
      if (input.rankTop === undefined)
        errors.push({
          field: 'rankTop',
          message: 'Enter how many of the options people should rank',
        });
      return { options: choices(), rankTop: input.rankTop };
    case 'short_text':
    case 'long_text':
      return { maxLength: input.maxLength ?? DEFAULT_MAX_LENGTH[input.type] };
    case 'number':
      return {
        min: input.min,
        max: input.max,
        integer: input.integer || undefined,
      };
    default:
      return {};
  }
}

/** Builds (but does not yet validate against the whole survey) a question; `taken` holds the codes already used. */
export function buildQuestion(input: QuestionInput, taken: ReadonlySet<string>): BuildResult {
  const errors: FieldError[] = [];
  const code = input.code?.trim() || questionCodeFromLabel(input.label);
  if (code === '')
    errors.push({
      field: 'code',
      message: 'Enter a code, or the question text to make one from',
    });
  else if (taken.has(code))
    errors.push({
      field: 'code',
      message: `The code "${code}" is already used in this survey: choose another`,
    });
  const hint = input.hint?.trim();
  const question = defined({
    code,
    type: input.type,
    label: input.label,
    hint: hint || undefined,
    required: input.required,
    ...details(input, code, errors),
    showIf: input.showIf,
  }) as Question;
  if (question.type === 'rating_grid') {
    for (const row of question.rows) {
      if (taken.has(row.code) || row.code === code)
        errors.push({
          field: 'rows',
          message: `The row code "${row.code}" is already used in this survey: choose another`,
        });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, question };
}
