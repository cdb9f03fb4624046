/**
 * What a new version of a definition would break for answers already stored. Wording (labels, hints, titles,
 * page layout, order) may change freely; codes, types, options and rows that answers use may not go away.
 */
import { type Column, columnsFor } from './columns.js';
import type { SurveyDefinition } from './definition.js';

export type BreakingChangeKind = 'question_removed' | 'grid_row_removed' | 'type_changed' | 'option_removed' | 'limit_tightened';

export interface BreakingChange {
  kind: BreakingChangeKind;
  /** The question or grid-row code concerned. */
  code: string;
  message: string;
}

function limitChanges(before: Column, after: Column): string[] {
  const a = before.question;
  const b = after.question;
  const out: string[] = [];
  if (
    a.type === 'multiple_choice' &&
    b.type === 'multiple_choice' &&
    b.maxChoices !== undefined &&
    (a.maxChoices ?? a.options.length) > b.maxChoices
  ) {
    out.push(`the most choices goes down to ${b.maxChoices}`);
  }
  if (a.type === 'ranking' && b.type === 'ranking' && b.rankTop < a.rankTop)
    out.push(`the number to rank goes down from ${a.rankTop} to ${b.rankTop}`);
  if ((a.type === 'short_text' || a.type === 'long_text') && (b.type === 'short_text' || b.type === 'long_text') && b.maxLength < a.maxLength) {
    out.push(`the length limit goes down from ${a.maxLength} to ${b.maxLength} characters`);
  }
  if (a.type === 'number' && b.type === 'number') {
    if (b.min !== undefined && (a.min === undefined || b.min > a.min)) out.push(`the minimum goes up to ${b.min}`);
    if (b.max !== undefined && (a.max === undefined || b.max < a.max)) out.push(`the maximum goes down to ${b.max}`);
    if (b.integer && !a.integer) out.push('only whole numbers would be allowed');
  }
  return out;
}

function compareColumn(before: Column, after: Column | undefined): BreakingChange[] {
  const code = before.code;
  if (!after) {
    return before.row
      ? [
          {
            kind: 'grid_row_removed',
            code,
            message: `Row "${code}" of "${before.question.code}" has stored answers, so it cannot be removed`,
          },
        ]
      : [{ kind: 'question_removed', code, message: `Question "${code}" has stored answers, so it cannot be removed` }];
  }
  const beforeShape = before.row ? 'grid row' : before.type;
  const afterShape = after.row ? 'grid row' : after.type;
  const texts = new Set(['short_text', 'long_text']);
  if (before.type !== after.type && !(texts.has(before.type) && texts.has(after.type))) {
    return [
      {
        kind: 'type_changed',
        code,
        message: `"${code}" is a ${beforeShape.replace('_', ' ')} with stored answers, so it cannot become a ${afterShape.replace('_', ' ')}`,
      },
    ];
  }
  const changes: BreakingChange[] = [];
  const kept = new Set((after.options ?? []).map((o) => o.value));
  for (const option of before.options ?? []) {
    if (!kept.has(option.value)) {
      changes.push({
        kind: 'option_removed',
        code,
        message: `Option "${option.value}" of "${code}" may have stored answers, so it cannot be removed (you can reword its label)`,
      });
    }
  }
  for (const what of limitChanges(before, after)) {
    changes.push({ kind: 'limit_tightened', code, message: `"${code}" has stored answers that may no longer be valid: ${what}` });
  }
  return changes;
}

/** The changes from oldDef to newDef that would break stored answers; empty when the change is safe. */
export function checkDefinitionChange(oldDef: SurveyDefinition, newDef: SurveyDefinition): BreakingChange[] {
  const after = new Map(columnsFor(newDef).map((c) => [c.code, c]));
  return columnsFor(oldDef).flatMap((before) => compareColumn(before, after.get(before.code)));
}
