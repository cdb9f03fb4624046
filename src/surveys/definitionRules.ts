/** Definition-level rules a field-by-field schema cannot see; each problem names its place in the definition. */

import { RESERVED_CODES } from './codes.js';
import { answerCodes, placedQuestions } from './columns.js';
import type { Question, SurveyDefinition } from './definition.js';

export interface DefinitionIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

interface Seen {
  path: Path;
  /** The question itself, or the grid a row belongs to. */
  question: Question;
  rowOf?: string;
}

function checkOptions(question: Question, at: Path, issues: DefinitionIssue[]) {
  if (!('options' in question)) return;
  const values = new Set<string>();
  question.options.forEach((option, i) => {
    if (values.has(option.value)) {
      issues.push({
        path: [...at, 'options', i, 'value'],
        message: `Option value "${option.value}" is used more than once in "${question.code}"`,
      });
    }
    values.add(option.value);
  });
  const count = question.options.length;
  if (question.type === 'multiple_choice' && question.maxChoices !== undefined && question.maxChoices > count) {
    issues.push({
      path: [...at, 'maxChoices'],
      message: `maxChoices (${question.maxChoices}) of "${question.code}" is more than its ${count} options`,
    });
  }
  if (question.type === 'ranking' && question.rankTop > count) {
    issues.push({
      path: [...at, 'rankTop'],
      message: `rankTop (${question.rankTop}) of "${question.code}" is more than its ${count} options`,
    });
  }
}

function checkLimits(question: Question, at: Path, issues: DefinitionIssue[]) {
  if (question.type === 'number' && question.min !== undefined && question.max !== undefined && question.min > question.max) {
    issues.push({
      path: [...at, 'max'],
      message: `max of "${question.code}" is less than its min`,
    });
  }
}

function checkShowIf(question: Question, at: Path, earlier: Map<string, Seen>, all: Set<string>, issues: DefinitionIssue[]) {
  const showIf = question.showIf;
  if (!showIf) return;
  const where = [...at, 'showIf', 'question'];
  const target = earlier.get(showIf.question);
  if (!target) {
    const message = all.has(showIf.question)
      ? `showIf of "${question.code}" refers to "${showIf.question}", which must come earlier in the survey`
      : `showIf of "${question.code}" refers to "${showIf.question}", which is not a question in this survey`;
    issues.push({ path: where, message });
    return;
  }
  const source = target.question;
  if (source.type !== 'single_choice' && source.type !== 'multiple_choice' && source.type !== 'rating_grid') {
    issues.push({
      path: where,
      message: `showIf of "${question.code}" refers to "${showIf.question}", a ${source.type} question: it can refer only to a single choice or multiple choice question or a grid row`,
    });
    return;
  }
  if (source.type === 'rating_grid' && !target.rowOf) {
    issues.push({
      path: where,
      message: `showIf of "${question.code}" refers to the grid "${showIf.question}": refer to one of its rows instead`,
    });
    return;
  }
  const values = new Set(source.options.map((o) => o.value));
  showIf.anyOf.forEach((value, i) => {
    if (!values.has(value)) {
      issues.push({
        path: [...at, 'showIf', 'anyOf', i],
        message: `showIf of "${question.code}" uses "${value}", which is not an option of "${showIf.question}"`,
      });
    }
  });
}

/** Unique codes (question and grid-row codes share one namespace), unique option values, showIf pointing backwards to real values, sane limits. */
export function checkDefinitionRules(definition: SurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const pageCodes = new Set<string>();
  definition.pages.forEach((page, i) => {
    if (pageCodes.has(page.code))
      issues.push({
        path: ['pages', i, 'code'],
        message: `Page code "${page.code}" is used more than once`,
      });
    pageCodes.add(page.code);
  });

  const placed = placedQuestions(definition);
  const all = new Set(
    placed.flatMap(({ question }) => (question.type === 'rating_grid' ? [question.code, ...answerCodes(question)] : [question.code])),
  );
  const earlier = new Map<string, Seen>();
  const claim = (codeValue: string, seen: Seen) => {
    const reserved = (RESERVED_CODES as readonly string[]).includes(codeValue);
    if (reserved) {
      issues.push({
        path: seen.path,
        message: `"${codeValue}" is reserved for an export column: choose another code`,
      });
    } else if (earlier.has(codeValue)) {
      issues.push({
        path: seen.path,
        message: `Code "${codeValue}" is used more than once: question and grid row codes must be unique across the survey`,
      });
    }
    if (!earlier.has(codeValue)) earlier.set(codeValue, seen);
  };

  for (const { question, pageIndex, questionIndex } of placed) {
    const at: Path = ['pages', pageIndex, 'questions', questionIndex];
    checkShowIf(question, at, earlier, all, issues);
    checkOptions(question, at, issues);
    checkLimits(question, at, issues);
    claim(question.code, { path: [...at, 'code'], question });
    if (question.type === 'rating_grid') {
      for (const [r, row] of question.rows.entries()) {
        claim(row.code, { path: [...at, 'rows', r, 'code'], question, rowOf: question.code });
      }
    }
  }
  return issues;
}
