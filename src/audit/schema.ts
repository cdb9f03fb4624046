import { z } from 'zod';
import { formField } from '../platform/validation.js';

/** The audit log's GET filter form; every field optional text, checked by readAuditFilter for the error summary. */
const filterQuery = z.object({
  person: formField,
  action: formField,
  subject: formField,
  'from-day': formField,
  'from-month': formField,
  'from-year': formField,
  'to-day': formField,
  'to-month': formField,
  'to-year': formField,
});
export type AuditFilterQuery = z.output<typeof filterQuery>;

export const auditPageRequest = z.object({ query: filterQuery.extend({ page: formField }) });
export const auditExportRequest = z.object({ query: filterQuery });
