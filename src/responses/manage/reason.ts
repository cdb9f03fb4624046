import type { FieldError } from '../../platform/errors.js';

/** The longest reason kept for a correction or withdrawal. */
export const REASON_MAX_LENGTH = 1000;

/** A reason as typed, trimmed, or the problem with it (its field is `_reason`, as the forms name it: no question code starts with _). */
export function checkReason(typed: string, missing: string): { text: string; error?: FieldError } {
  const text = typed.trim();
  if (!text) return { text, error: { field: '_reason', message: missing } };
  if (text.length > REASON_MAX_LENGTH)
    return { text, error: { field: '_reason', message: `The reason must be ${REASON_MAX_LENGTH} characters or fewer` } };
  return { text };
}
