/**
 * Validates raw answers keyed by question code (grid rows by their own codes) against a definition.
 * Required only when shown; answers to hidden questions dropped; unknown keys reported so imports can flag bad columns.
 * Clean answers hold every shown column: its value, or null when left blank. Hidden columns are absent.
 */
import { type AnswerContext, isBlank, parseAnswer } from './answerParsers.js';
import { type Column, columnsFor } from './columns.js';
import type { Answers, SurveyDefinition } from './definition.js';
import { messages } from './messages.js';
import { matchesShowIf } from './visibility.js';

export type { AnswerContext, Ward } from './answerParsers.js';

export interface AnswerError {
  /** The question or grid-row code (or the unknown key). */
  field: string;
  message: string;
}
export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

interface Compiled {
  columns: Column[];
  byCode: Map<string, Column>;
  gridRows: Map<string, string[]>;
}

/** Definitions are immutable once published: the column list is worked out once per definition object. */
const compiledCache = new WeakMap<SurveyDefinition, Compiled>();

function compile(definition: SurveyDefinition): Compiled {
  let compiled = compiledCache.get(definition);
  if (!compiled) {
    const columns = columnsFor(definition);
    const gridRows = new Map<string, string[]>();
    for (const c of columns) if (c.row) gridRows.set(c.question.code, [...(gridRows.get(c.question.code) ?? []), c.code]);
    compiled = {
      columns,
      byCode: new Map(columns.map((c) => [c.code, c])),
      gridRows,
    };
    compiledCache.set(definition, compiled);
  }
  return compiled;
}

export function validateAnswers(definition: SurveyDefinition, raw: Record<string, unknown>, context: AnswerContext): ValidationResult {
  const { columns, byCode, gridRows } = compile(definition);
  const answers: Answers = {};
  const errors: AnswerError[] = [];
  const hidden = new Set<string>();

  for (const column of columns) {
    const question = column.question;
    const controlledByHidden = question.showIf !== undefined && hidden.has(question.showIf.question);
    if (controlledByHidden || !matchesShowIf(question, answers)) {
      hidden.add(column.code);
      continue;
    }
    const value = raw[column.code];
    if (isBlank(value)) {
      if (question.required) errors.push({ field: column.code, message: messages.required(column) });
      answers[column.code] = null;
      continue;
    }
    const parsed = parseAnswer(column, value, context);
    if ('message' in parsed) {
      errors.push({ field: column.code, message: parsed.message });
      answers[column.code] = null;
    } else {
      answers[column.code] = parsed.value;
    }
  }

  for (const key of Object.keys(raw)) {
    if (byCode.has(key)) continue;
    const rows = gridRows.get(key);
    errors.push({
      field: key,
      message: rows ? messages.gridCode(key, rows) : messages.unknown(key),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}
