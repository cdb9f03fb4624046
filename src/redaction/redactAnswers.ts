import { type Answers, allQuestions, type SurveyDefinition } from '../surveys/index.js';
import { redactText } from './redactText.js';

export interface RedactedAnswers {
  answers: Answers;
  /** The free-text answers as given, by question code: only those the redactor changed. */
  originals: Record<string, string>;
}

const freeTextCodes = new WeakMap<SurveyDefinition, string[]>();

/** The codes of a survey's free-text questions (short_text and long_text), worked out once a definition. */
function freeTextOf(definition: SurveyDefinition): string[] {
  let codes = freeTextCodes.get(definition);
  if (!codes) {
    codes = allQuestions(definition)
      .filter((q) => q.type === 'short_text' || q.type === 'long_text')
      .map((q) => q.code);
    freeTextCodes.set(definition, codes);
  }
  return codes;
}

/** Checked answers with every free-text answer redacted; blank and absent answers are not looked at. */
export function redactAnswers(definition: SurveyDefinition, answers: Answers): RedactedAnswers {
  const originals: Record<string, string> = {};
  let redacted: Answers | undefined;
  for (const code of freeTextOf(definition)) {
    const value = answers[code];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const { text } = redactText(value);
    if (text === value) continue;
    redacted ??= { ...answers };
    redacted[code] = text;
    originals[code] = value;
  }
  return { answers: redacted ?? answers, originals };
}
