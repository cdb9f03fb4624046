import type { Kysely } from 'kysely';
import { type Consultation, loadSurveyDefinition } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { eachResponse } from '../../responses/index.js';
import { allQuestions, type Question } from '../../surveys/index.js';
import { consultationItems } from '../../workshops/index.js';
import { type TextFlag, textFlags } from '../textFlags.js';
import { answerUnitKey, type CodingUnit, WORKSHOP_ITEMS_QUESTION, workshopItemReference, workshopItemUnitKey } from '../units.js';
import { cachedTextAnswers } from './textAnswerCache.js';

export interface TextQuestion {
  code: string;
  label: string;
}

export interface TextAnswer extends CodingUnit {
  /** The answer as stored; '' for a stored value that was not text (flagged invalid_text). */
  text: string;
  flags: TextFlag[];
  submittedAt: string;
  /** Where a workshop item was said ("Place workshop, 2024-09-12"); absent for an answer. */
  source?: string;
}

const isText = (q: Question) => q.type === 'short_text' || q.type === 'long_text';

export const WORKSHOP_ITEMS_LABEL = 'Ideas captured at partner workshops';

/**
 * The survey's free-text questions, in survey order, then the workshops' items as one more question when workshops
 * linked to the consultation have captured any (so they are coded with the same codebook).
 */
export async function textQuestions(db: Kysely<Database>, consultation: Consultation): Promise<TextQuestion[]> {
  const definition = await loadSurveyDefinition(db, consultation, consultation.surveyVersion);
  const questions = allQuestions(definition)
    .filter(isText)
    .map((q) => ({ code: q.code, label: q.label }));
  const item = await db
    .selectFrom('workshop_items as i')
    .innerJoin('workshops as w', (j) => j.onRef('w.partnership_id', '=', 'i.partnership_id').onRef('w.id', '=', 'i.workshop_id'))
    .select('i.id')
    .where('i.partnership_id', '=', consultation.partnershipId)
    .where('w.consultation_id', '=', consultation.id)
    .limit(1)
    .executeTakeFirst();
  return item ? [...questions, { code: WORKSHOP_ITEMS_QUESTION, label: WORKSHOP_ITEMS_LABEL }] : questions;
}

/** A database, or the app's handle to it: given the handle, answers come from the process's cache (textAnswerCache.ts). */
export type AnswerSource = Kysely<Database> | Pick<DbHandle, 'db' | 'driver'>;

/**
 * Every free-text answer of the consultation's counted responses (withdrawn responses and unfinished imports left
 * out), question by question in survey order, each response in the order it arrived; then the items of its
 * workshops when the questions include them. Answers left blank are not units.
 */
export async function textAnswers(source: AnswerSource, consultation: Consultation, questions?: readonly TextQuestion[]): Promise<TextAnswer[]> {
  const db = 'driver' in source ? source.db : source;
  const chosen = questions ?? (await textQuestions(db, consultation));
  const asked = chosen.filter((q) => q.code !== WORKSHOP_ITEMS_QUESTION);
  const answers = 'driver' in source ? await cachedTextAnswers(source, consultation, asked) : await readTextAnswers(db, consultation, asked);
  return chosen.some((q) => q.code === WORKSHOP_ITEMS_QUESTION) ? [...answers, ...(await workshopItemAnswers(db, consultation))] : answers;
}

async function readTextAnswers(db: Kysely<Database>, consultation: Consultation, asked: readonly TextQuestion[]): Promise<TextAnswer[]> {
  const byQuestion = new Map<string, TextAnswer[]>(asked.map((q) => [q.code, []]));
  for await (const r of eachResponse(db, consultation.partnershipId, consultation.id)) {
    for (const q of asked) {
      const value = r.answers[q.code];
      if (value === null || value === undefined) continue;
      byQuestion.get(q.code)?.push({
        unitKey: answerUnitKey(r.id, q.code),
        kind: 'answer',
        responseId: r.id,
        itemId: null,
        reference: r.reference,
        questionCode: q.code,
        text: typeof value === 'string' ? value : '',
        flags: typeof value === 'string' ? textFlags(value) : ['invalid_text'],
        submittedAt: r.submittedAt,
      });
    }
  }
  return [...byQuestion.values()].flat();
}

/** The items captured at the consultation's workshops, as units of the workshop-items question. */
export async function workshopItemAnswers(db: Kysely<Database>, consultation: Consultation): Promise<TextAnswer[]> {
  const items = await consultationItems(db, consultation.partnershipId, consultation.id);
  const shortRefs = new Set<string>();
  const clashes = new Set<string>();
  for (const i of items) (shortRefs.has(workshopItemReference(i.id)) ? clashes : shortRefs).add(workshopItemReference(i.id));
  return items.map((i) => ({
    unitKey: workshopItemUnitKey(i.id),
    kind: 'workshop_item',
    responseId: null,
    itemId: i.id,
    // Two items whose ids start alike (very rarely) are told apart by their whole ids.
    reference: clashes.has(workshopItemReference(i.id)) ? `W-${i.id}` : workshopItemReference(i.id),
    questionCode: WORKSHOP_ITEMS_QUESTION,
    text: i.text,
    flags: textFlags(i.text),
    submittedAt: i.createdAt,
    source: `${i.theme} workshop: ${i.workshopTitle}, ${i.heldOn}`,
  }));
}
