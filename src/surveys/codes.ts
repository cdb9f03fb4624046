/** The shapes of the codes a survey definition uses; a leaf module, so the definition and its rules can both import it. */

export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
/** Option values may start with a digit ("1", "2") but are otherwise codes; never contain ";" (the import separator). */
export const OPTION_VALUE_PATTERN = /^[a-z0-9][a-z0-9_]*$/;
/** Export columns that are not answers: a question or row code may not take these names. */
export const RESERVED_CODES = ['reference', 'channel', 'submitted_at'] as const;
