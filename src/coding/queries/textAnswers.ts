import type { Kysely } from 'kysely';
import { type Consultation, loadSurveyDefinition } from '../../consultations/index.js';
import type { Database } from '../../db/schema.js';
import { eachResponse } from '../../responses/index.js';
import { type Answers, allQuestions, type Question } from '../../surveys/index.js';
import { type TextFlag, textFlags } from '../textFlags.js';
import { answerUnitKey } from '../units.js';

export interface TextQuestion {
  code: string;
  label: string;
}

export interface TextAnswer {
  unitKey: string;
  responseId: string;
  reference: string;
  questionCode: string;
  /** The answer as stored; '' for a stored value that was not text (flagged invalid_text). */
  text: string;
  flags: TextFlag[];
  submittedAt: string;
  /** The whole response's answers, for breakdowns (ward, equality questions). */
  answers: Answers;
}

const isText = (q: Question) => q.type === 'short_text' || q.type === 'long_text';

/** The survey's free-text questions, in survey order. */
export async function textQuestions(db: Kysely<Database>, consultation: Consultation): Promise<TextQuestion[]> {
  const definition = await loadSurveyDefinition(db, consultation, consultation.surveyVersion);
  return allQuestions(definition)
    .filter(isText)
    .map((q) => ({ code: q.code, label: q.label }));
}

/**
 * Every free-text answer of the consultation's counted responses (withdrawn responses and unfinished imports left
 * out), question by question in survey order, each response in the order it arrived. Answers left blank are not units.
 */
export async function textAnswers(db: Kysely<Database>, consultation: Consultation, questions?: readonly TextQuestion[]): Promise<TextAnswer[]> {
  const asked = questions ?? (await textQuestions(db, consultation));
  const byQuestion = new Map<string, TextAnswer[]>(asked.map((q) => [q.code, []]));
  for await (const r of eachResponse(db, consultation.partnershipId, consultation.id)) {
    for (const q of asked) {
      const value = r.answers[q.code];
      if (value === null || value === undefined) continue;
      const text = typeof value === 'string' ? value : '';
      byQuestion.get(q.code)?.push({
        unitKey: answerUnitKey(r.id, q.code),
        responseId: r.id,
        reference: r.reference,
        questionCode: q.code,
        text,
        flags: typeof value === 'string' ? textFlags(value) : ['invalid_text'],
        submittedAt: r.submittedAt,
        answers: r.answers,
      });
    }
  }
  return [...byQuestion.values()].flat();
}
