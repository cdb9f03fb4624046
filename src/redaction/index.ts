export { keepOriginals, purgeOriginals, readOriginals, setRedactionSettings } from './originals.js';
export { type RedactionSettings, readRedactionSettings } from './queries/redactionSettings.js';
export { type RedactedAnswers, redactAnswers } from './redactAnswers.js';
export { type Finding, findPersonalData, REDACTION_KINDS, type Redaction, type RedactionKind, redactText } from './redactText.js';
