// What surveys publishes to other capabilities. Import from here, not from files inside the folder.

export { answerToCell } from './answerCells.js';
export type { Ward } from './answerParsers.js';
export { allQuestions, answerCodes, type Column, columnsFor } from './columns.js';
export type { Answers, Question, SurveyDefinition, SurveyOption } from './definition.js';
export { postcodeSector } from './postcode.js';
export { presentSurvey, surveySchema } from './presentSurvey.js';
export { DEFAULT_LEGAL_BASIS, DEFAULT_PRIVACY_NOTICE, TEMPLATE_IDS, TEMPLATES } from './templateRegistry.js';
export { ASB_ITEMS, ASB_SCORES, crimeSurveyTemplate, HIGH_PERCEIVED_ASB_THRESHOLD, SAFE_VALUES } from './templates/crimeSurvey.js';
export { ETHNIC_GROUP_5 } from './templates/equality.js';
export { membersSurveyTemplate } from './templates/membersSurvey.js';
export { validateAnswers } from './validateAnswers.js';
export { visibleCodes } from './visibility.js';
