import { redactAnswers } from '../redaction/index.js';
import { type Answers, type SurveyDefinition, validateAnswers } from '../surveys/index.js';

type Context = Parameters<typeof validateAnswers>[2];
export type CheckedAnswers =
  | { ok: true; answers: Answers; originals: Record<string, string> }
  | Extract<ReturnType<typeof validateAnswers>, { ok: false }>;

/**
 * The one check every path that stores answers goes through (online form, API, members, invitations, staff key-in,
 * imports, corrections): the answers must fit the survey, and every free-text answer is then redacted
 * (docs/redaction.md), so a name or phone number a resident typed is never stored where analysts read.
 */
export function checkAnswers(definition: SurveyDefinition, raw: Record<string, unknown>, context: Context): CheckedAnswers {
  const result = validateAnswers(definition, raw, context);
  if (!result.ok) return result;
  return { ok: true, ...redactAnswers(definition, result.answers) };
}
