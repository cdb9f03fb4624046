// What statements publishes to other capabilities. Import from here, not from files inside the folder.
export type { AccessibilityStatement } from './accessibility.js';
export type { PrivacyNotice } from './privacy.js';
export { loadStatement } from './queries/loadStatement.js';
export { saveStatement } from './saveStatement.js';
