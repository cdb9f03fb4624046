/** The builder's pure edits, in one place: each takes a definition and returns a new, validated one or field errors. */
export type { QuestionInput } from './buildQuestion.js';
export type { EditResult } from './editResult.js';
export { type Direction, moveQuestion } from './moveQuestion.js';
export { addOption, addRow, removeOption, removeRow } from './optionEdits.js';
export { addPage, type PageInput, renamePage } from './pageEdits.js';
export {
  addQuestion,
  editQuestion,
  type QuestionEdit,
  removeQuestion,
  setShowIf,
} from './questionEdits.js';
