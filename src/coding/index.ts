// What coding publishes to other capabilities (the suggestions and workshops helpers build on the store).
// Import from here, not from files inside the folder.
export { agreement } from './agreement.js';
export { mergeThemes, removeTheme, splitTheme } from './changeCodebook.js';
export { codeAnswer } from './codeAnswer.js';
export { COMMON_THEMES } from './commonThemes.js';
export { drawBlindSample } from './drawBlindSample.js';
export { isCoded } from './filterAnswers.js';
export { importCodings } from './importCodings.js';
export { openCodebook, seedCodebookIn } from './openCodebook.js';
export { exportedCodings } from './queries/exportedCodings.js';
export { codebookTree, codingCounts, listThemes, type Theme } from './queries/listThemes.js';
export { type AnswerSource, type TextAnswer, type TextQuestion, textAnswers, textQuestions } from './queries/textAnswers.js';
export { themeResultsOf } from './queries/themeResultsOf.js';
export { blindSample, type UnitState, unitStates } from './queries/unitStates.js';
export { saveTheme } from './saveTheme.js';
export { type TextFlag, textFlags } from './textFlags.js';
export { answerUnitKey, type CodingPass, type UnitKind, workshopItemUnitKey } from './units.js';
