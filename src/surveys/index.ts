// What surveys publishes to other capabilities. Import from here, not from files inside the folder.

export { answerToCell } from './answerCells.js';
export type { Ward } from './answerParsers.js';
export { allQuestions, answerCodes, type Column, columnsFor } from './columns.js';
export type { Answers, AnswerValue, Question, SurveyDefinition, SurveyOption } from './definition.js';
export type { BreakdownDefinition, IndicatorSet, SafetyPair } from './indicatorSet.js';
export { postcodeSector } from './postcode.js';
export { presentSurvey, surveySchema } from './presentSurvey.js';
export { DEFAULT_LEGAL_BASIS, DEFAULT_PRIVACY_NOTICE, indicatorSetFor, TEMPLATE_IDS, TEMPLATES } from './templateRegistry.js';
export { crimeSurveyTemplate } from './templates/crimeSurvey.js';
export { membersSurveyTemplate } from './templates/membersSurvey.js';
export { validateAnswers } from './validateAnswers.js';
export { visibleCodes } from './visibility.js';
