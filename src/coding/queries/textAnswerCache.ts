/**
 * The free-text answers of a consultation, kept in this process and caught up on every use with the responses that
 * arrived since (responsesArrivedAfter: usually none, read through one index), so the coding pages do not read and
 * parse every response on every request. A withdrawal, correction or finished import moves the consultation's
 * responses revision: the next use reads them all again. Least recently used consultations are dropped. Each
 * question's answers are kept in the order eachResponse gives (submitted, then id).
 */
import type { Consultation } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import { responsesArrivedAfter } from '../../responses/index.js';
import { textFlags } from '../textFlags.js';
import { answerUnitKey } from '../units.js';
import type { TextAnswer, TextQuestion } from './textAnswers.js';

interface Entry {
  questions: string;
  mark: string | null;
  byQuestion: Map<string, TextAnswer[]>;
}

const MAX_CONSULTATIONS = 4;
/** Per database: tests open many, and one's consultations are never another's. */
const caches = new WeakMap<object, Map<string, Entry>>();
const queues = new Map<string, Promise<unknown>>();

/** The answers to the questions asked, question by question in the order given, each in arrival order. */
export function cachedTextAnswers(
  handle: Pick<DbHandle, 'db' | 'driver'>,
  consultation: Consultation,
  asked: readonly TextQuestion[],
): Promise<TextAnswer[]> {
  const key = `${consultation.partnershipId}\u0000${consultation.id}`;
  // One catch-up at a time per consultation: two at once would add the same responses twice.
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => current(handle, key, consultation, asked));
  queues.set(key, run);
  const forget = () => {
    if (queues.get(key) === run) queues.delete(key);
  };
  run.then(forget, forget);
  return run;
}

async function current(
  handle: Pick<DbHandle, 'db' | 'driver'>,
  key: string,
  consultation: Consultation,
  asked: readonly TextQuestion[],
): Promise<TextAnswer[]> {
  let cache = caches.get(handle.db);
  if (!cache) {
    cache = new Map();
    caches.set(handle.db, cache);
  }
  const questions = asked.map((q) => q.code).join('\u0000');
  let entry = cache.get(key);
  if (entry?.questions !== questions) entry = fresh(questions, asked);
  cache.delete(key);
  cache.set(key, entry); // most recently used last
  if (!(await catchUp(handle, consultation, entry))) {
    entry = fresh(questions, asked);
    cache.set(key, entry);
    await catchUp(handle, consultation, entry);
  }
  while (cache.size > MAX_CONSULTATIONS) cache.delete(cache.keys().next().value as string);
  return [...entry.byQuestion.values()].flat();
}

const fresh = (questions: string, asked: readonly TextQuestion[]): Entry => ({
  questions,
  mark: null,
  byQuestion: new Map(asked.map((q) => [q.code, []])),
});

/** Adds the responses that arrived after the entry's mark; false when the mark is stale (read again from the start). */
async function catchUp(handle: Pick<DbHandle, 'db' | 'driver'>, consultation: Consultation, entry: Entry): Promise<boolean> {
  const outcome = await responsesArrivedAfter(
    handle,
    { partnershipId: consultation.partnershipId, consultationId: consultation.id, after: entry.mark, pageSize: 1000 },
    (page) => {
      for (const r of page)
        for (const [code, list] of entry.byQuestion) {
          const value = r.answers[code];
          if (value === null || value === undefined) continue;
          list.push({
            unitKey: answerUnitKey(r.id, code),
            kind: 'answer',
            responseId: r.id,
            itemId: null,
            reference: r.reference,
            questionCode: code,
            text: typeof value === 'string' ? value : '',
            flags: typeof value === 'string' ? textFlags(value) : ['invalid_text'],
            submittedAt: r.submittedAt,
          });
        }
    },
  );
  if ('stale' in outcome) return false;
  // Listed in the order of the responses pages and exports (submitted, then id), whatever order they arrived in.
  if (outcome.mark !== entry.mark) for (const list of entry.byQuestion.values()) list.sort(bySubmission);
  entry.mark = outcome.mark;
  return true;
}

const bySubmission = (a: TextAnswer, b: TextAnswer) =>
  a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : (a.responseId ?? '') < (b.responseId ?? '') ? -1 : 1;
