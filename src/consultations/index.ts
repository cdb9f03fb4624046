// What consultations publishes to other capabilities. Import from here, not from files inside the folder.
export { changeConsultationStage, STAGE_ACTIONS, type StageAction } from './changeConsultationStage.js';
export { findConsultationForCli } from './cli.js';
export { createConsultation } from './createConsultation.js';
export { errorLinks } from './form/fieldIds.js';
export { formAnswers, type RawAnswers } from './form/formAnswers.js';
export { questionFields } from './form/questionFields.js';
export type { SurveyProgress } from './form/session.js';
export { listConsultations } from './queries/listConsultations.js';
export { type Consultation, loadConsultation, loadSurveyDefinition } from './queries/loadConsultation.js';
export { type ConsultationRuntime, ConsultationRuntimeCache } from './runtime.js';
export type { ConsultationStatus } from './status.js';
