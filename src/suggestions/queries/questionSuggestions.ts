import { type AnswerSource, isCoded, openCodebook, type TextAnswer, type Theme, textAnswers, textQuestions, unitStates } from '../../coding/index.js';
import type { Consultation } from '../../consultations/index.js';
import { validationFailed } from '../../platform/errors.js';
import type { Actor } from '../../platform/recordAudit.js';
import { type AnswerSuggestions, type DiscoveredTheme, discoverThemes, suggestForQuestion } from '../suggestForQuestion.js';

export interface QuestionSuggestions {
  question: { code: string; label: string };
  themes: Theme[];
  /** One per answer to the question that no person has coded (looked at) in the primary pass, in the coding order. */
  suggestions: (AnswerSuggestions & { answer: TextAnswer })[];
  /** Candidate new themes among those answers. */
  discovered: DiscoveredTheme[];
  /** How many answers (any question) taught the model. */
  codedExamples: number;
}

/**
 * Theme suggestions for one free-text question: trained on every answer of the consultation that a person has coded
 * (primary pass) and on the codebook's names and descriptions (opened, so seeded, if nobody had yet), proposed for
 * the question's answers nobody has coded. Reads only the stored (redacted) text. Changes nothing but the seeding.
 */
export async function questionSuggestions(
  source: AnswerSource,
  actor: Actor,
  consultation: Consultation,
  questionCode: string,
): Promise<QuestionSuggestions> {
  const db = 'driver' in source ? source.db : source;
  const questions = await textQuestions(db, consultation);
  const question = questions.find((q) => q.code === questionCode);
  if (!question) {
    const known = questions.map((q) => q.code).join(', ') || 'none';
    throw validationFailed([
      { field: 'question', message: `${questionCode} is not a free-text question of this survey (free-text questions: ${known})` },
    ]);
  }
  const themes = await openCodebook(db, actor, { partnershipId: consultation.partnershipId, consultationId: consultation.id });
  const [answers, states] = await Promise.all([
    textAnswers(source, consultation, questions),
    unitStates(db, consultation.partnershipId, consultation.id, 'primary'),
  ]);
  const nameOf = new Map(themes.map((t) => [t.id, t.name]));
  const codedByPerson = (a: TextAnswer) => isCoded(states.get(a.unitKey));
  const coded = answers
    .filter((a) => codedByPerson(a) && a.text)
    .map((a) => ({
      reference: a.reference,
      text: a.text,
      themes: (states.get(a.unitKey)?.themeIds ?? []).map((id) => nameOf.get(id)).filter((n): n is string => n !== undefined),
    }));
  const uncoded = answers.filter((a) => a.questionCode === questionCode && !codedByPerson(a));
  const byReference = new Map(uncoded.map((a) => [a.reference, a]));
  const suggestions = suggestForQuestion({
    themes: themes.map((t) => ({ name: t.name, description: t.description })),
    coded,
    uncoded: uncoded.map((a) => ({ reference: a.reference, text: a.text })),
  }).map((s) => ({ ...s, answer: byReference.get(s.reference) as TextAnswer }));
  return {
    question,
    themes,
    suggestions,
    discovered: discoverThemes(uncoded.filter((a) => a.text).map((a) => ({ reference: a.reference, text: a.text }))),
    codedExamples: coded.length,
  };
}
