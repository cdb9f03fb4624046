/**
 * The question page's form, whichever of its buttons was pressed: the typed wording, labels, limits and showIf (when
 * the form sent them), then the button's own action (removing an option or a row), then any option or row typed in
 * the "Add" boxes. One definition comes out, saved as one version, so nothing typed on the page is thrown away.
 */
import type { FormBody } from '../../platform/validation.js';
import { questionByCode } from '../columns.js';
import type { SurveyDefinition } from '../definition.js';
import type { EditResult } from './editResult.js';
import { addOption, addRow } from './optionEdits.js';
import { editQuestion } from './questionEdits.js';
import { field, parseEditForm } from './schema.js';

type Step = (definition: SurveyDefinition) => EditResult | undefined;

/** Runs the steps in order on the result of the one before; the first failure stops it. A step may do nothing (undefined). */
function inTurn(definition: SurveyDefinition, steps: Step[]): EditResult {
  let current: EditResult = { ok: true, definition };
  for (const step of steps) {
    if (!current.ok) return current;
    current = step(current.definition) ?? current;
  }
  return current;
}

/**
 * `action`: what the pressed button does besides saving (undefined: nothing more). Errors name the form's fields,
 * so the page can show them beside what was typed.
 */
export function editWholeQuestion(
  definition: SurveyDefinition,
  code: string,
  body: FormBody,
  action: (definition: SurveyDefinition) => EditResult | undefined,
): EditResult {
  const question = questionByCode(definition, code);
  if (!question) return { ok: false, errors: [{ field: 'form', message: `There is no question with the code "${code}" in this survey` }] };
  const newOption = field(body, 'newOption');
  const newRow = field(body, 'newRow');
  const asks = (name: string) => name in body;
  return inTurn(definition, [
    (d) => {
      if (!asks('label')) return undefined;
      const parsed = parseEditForm(body, question);
      return parsed.ok ? editQuestion(d, code, parsed.value) : parsed;
    },
    action,
    (d) => (newOption ? addOption(d, code, newOption) : undefined),
    (d) => (newRow ? addRow(d, code, newRow) : undefined),
  ]);
}
