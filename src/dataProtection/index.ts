// What dataProtection publishes to other capabilities (the job queue schedules retention). Import from here only.
export { buildOpenData, hasOpenData, openDataCsv, openDataDictionaryCsv } from './openData.js';
export { type OpenData, openDataTable } from './openDataTable.js';
export { EQUALITY_CODES, personalCodes, withoutPersonalAnswers } from './personalAnswers.js';
export {
  type ApplyRetentionOptions,
  applyRetention,
  DEFAULT_RETENTION_MONTHS,
  type RetentionRun,
  retentionDueAt,
  setRetention,
} from './retention.js';
export { exportSubjectAccess, type SubjectAccessRecords, subjectAccessRecords } from './subjectAccess.js';
export { suppressSmallCells } from './suppressSmallCells.js';
export { decideWithdrawal, requestWithdrawal } from './withdrawals.js';
