/**
 * Validates raw answers keyed by question code (grid rows by their own codes) against a definition.
 * Required only when shown; answers to hidden questions dropped; unknown keys reported so imports can flag bad columns.
 * Clean answers hold every shown column: its value, or null when left blank. Hidden columns are absent.
 */
import { type AnswerContext, isBlank, parseAnswer } from './answerParsers.js';
import { type Column, columnsFor } from './columns.js';
import type { Answers, AnswerValue, SurveyDefinition } from './definition.js';
import { messages } from './messages.js';
import { answerMatches } from './visibility.js';

export type { AnswerContext, Ward } from './answerParsers.js';

export interface AnswerError {
  /** The question or grid-row code (or the unknown key). */
  field: string;
  message: string;
}
export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

interface Compiled {
  columns: Column[];
  indexByCode: Map<string, number>;
  gridRows: Map<string, string[]>;
  /** For each set of hidden columns met so far (keyed by their positions; '' for none), the shown codes set to null. */
  layouts: Map<string, Answers>;
}

/**
 * Clean answers are copied from an object that already has their keys rather than built up key by key: an object
 * given thirty-odd keys one at a time can fall back to V8's slow dictionary layout, which JSON.stringify (every
 * submission stores its answers as JSON) then takes about a third longer to write. Each set of hidden columns has
 * its own layout, so their number is bounded.
 */
const MAX_LAYOUTS = 64;

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
      indexByCode: new Map(columns.map((c, i) => [c.code, i])),
      gridRows,
      layouts: new Map(),
    };
    compiledCache.set(definition, compiled);
  }
  return compiled;
}

export function validateAnswers(definition: SurveyDefinition, raw: Record<string, unknown>, context: AnswerContext): ValidationResult {
  const compiled = compile(definition);
  const { columns, indexByCode, gridRows } = compiled;
  /** Each column's clean value in column order: null when blank or invalid, undefined while hidden (or not reached). */
  const values: (AnswerValue | undefined)[] = new Array(columns.length);
  const errors: AnswerError[] = [];
  let hidden = '';

  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    const showIf = column.question.showIf;
    // A question shown on the answer to a hidden (or later) question is hidden too: that answer reads as undefined.
    if (showIf && !answerMatches(showIf, values[indexByCode.get(showIf.question) ?? -1])) {
      hidden += `${i} `;
      continue;
    }
    values[i] = null;
    const value = raw[column.code];
    if (isBlank(value)) {
      if (column.question.required && !context.keyedIn) errors.push({ field: column.code, message: messages.required(column) });
      continue;
    }
    const parsed = parseAnswer(column, value, context);
    if ('message' in parsed) errors.push({ field: column.code, message: parsed.message });
    else values[i] = parsed.value;
  }

  for (const key of Object.keys(raw)) {
    if (indexByCode.has(key)) continue;
    const rows = gridRows.get(key);
    errors.push({
      field: key,
      message: rows ? messages.gridCode(key, rows) : messages.unknown(key),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: toAnswers(compiled, values, hidden) };
}

/** The shown columns' values keyed by code, in column order. */
function toAnswers(compiled: Compiled, values: readonly (AnswerValue | undefined)[], hidden: string): Answers {
  const { columns, layouts } = compiled;
  let layout = layouts.get(hidden);
  if (!layout) {
    layout = Object.fromEntries(columns.filter((_, i) => values[i] !== undefined).map((c) => [c.code, null])) as Answers;
    if (layouts.size < MAX_LAYOUTS) layouts.set(hidden, layout);
  }
  const answers: Answers = { ...layout };
  for (let i = 0; i < columns.length; i++) {
    const value = values[i];
    if (value !== undefined && value !== null) answers[(columns[i] as Column).code] = value;
  }
  return answers;
}
