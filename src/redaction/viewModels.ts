import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';

export const redactionSettingsPath = (partnershipId: string) => `/staff/partnerships/${partnershipId}/settings/redaction`;

export const redactionSettingsPage = (
  partnership: Partnership,
  values: { keepOriginals: string; retentionDays: string },
  fields: readonly FieldError[] = [],
  saved = false,
) => ({
  title: `Residents' text as typed: ${partnership.name}`,
  partnership,
  action: redactionSettingsPath(partnership.id),
  backPath: `/staff/partnerships/${partnership.id}/settings`,
  keepOriginals: values.keepOriginals,
  retentionDays: values.retentionDays,
  saved,
  errors: errorSummaryItems(fields),
  fieldErrors: messagesByField(fields),
});
