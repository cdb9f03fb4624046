// What audit publishes to other capabilities: the plain-English names of the actions it knows. Nothing else uses
// the audit log pages; other capabilities write entries through platform/recordAudit.ts.
export { ACTION_NAMES, describeAction } from './describeEntry.js';
