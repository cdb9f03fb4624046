// What assessment publishes to other capabilities. Import from here, not from files inside the folder.
export type { ScoredIssue } from './analysis/matrix.js';
export { assessmentMatrix } from './assessmentMatrix.js';
export { ISSUES } from './issues.js';
