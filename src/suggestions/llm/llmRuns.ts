/**
 * Running the partnership's LLM over one question's uncoded answers, from the suggestions page: the run is recorded,
 * goes on after the page has answered (it can take minutes), and keeps its outcome as suggestions for a person to
 * accept. A failure keeps the stage and the reason; no run ever changes a coding.
 */
import type { Kysely } from 'kysely';
import { isCoded, listThemes, type TextAnswer, textAnswers, textQuestions, unitStates } from '../../coding/index.js';
import type { Consultation } from '../../consultations/index.js';
import { newId, nowIso, toJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import { conflict, validationFailed } from '../../platform/errors.js';
import { type Actor, recordAudit } from '../../platform/recordAudit.js';
import { loadLlmEndpoint } from '../queries/loadLlmSettings.js';
import { type LlmEndpoint, type LlmRunResult, runLlmThemes } from './runLlmThemes.js';

/** Most answers one run sends: 20 requests of 50 to generate and 20 to assign, at most. */
export const MAX_ANSWERS_PER_RUN = 1000;

export interface StartLlmRunOptions {
  db: Kysely<Database>;
  actor: Actor;
  consultation: Consultation;
  questionCode: string;
  /** SESSION_SECRET, to open the sealed API key. */
  secret: string;
  /** Each call's time limit (tests shorten it). */
  timeoutMs?: number;
}

/** The answers to a question that no person has coded (looked at) yet, with text, in coding order. */
export async function uncodedAnswers(db: Kysely<Database>, consultation: Consultation, questionCode: string): Promise<TextAnswer[]> {
  const questions = await textQuestions(db, consultation);
  const [answers, states] = await Promise.all([
    textAnswers(db, consultation, questions),
    unitStates(db, consultation.partnershipId, consultation.id, 'primary'),
  ]);
  return answers.filter((a) => a.questionCode === questionCode && a.text.trim() !== '' && !isCoded(states.get(a.unitKey)));
}

/**
 * Starts a run and returns at once with its id and a promise that settles when it has finished (the page does not
 * wait for it; tests do). Refused, changing nothing, without LLM settings, with a key sealed under another secret,
 * with nothing to send, or while another run for the question is going.
 */
export async function startLlmRun(o: StartLlmRunOptions): Promise<{ runId: string; finished: Promise<void> }> {
  const { db, consultation } = o;
  const questions = await textQuestions(db, consultation);
  const question = questions.find((q) => q.code === o.questionCode);
  if (!question) throw validationFailed([{ field: 'question', message: `${o.questionCode} is not a free-text question of this survey` }]);
  const settings = await loadLlmEndpoint(db, consultation.partnershipId, o.secret);
  if (!settings)
    throw validationFailed([{ field: 'llm', message: 'No LLM is set up for this partnership: an admin can set one up in its settings' }]);
  if (settings.keyLost)
    throw validationFailed([
      { field: 'llm', message: 'The LLM’s API key can no longer be read (the server’s secret changed): an admin must enter it again' },
    ]);
  const answers = (await uncodedAnswers(db, consultation, question.code)).slice(0, MAX_ANSWERS_PER_RUN);
  if (answers.length === 0) throw validationFailed([{ field: 'llm', message: 'Every answer to this question is coded: there is nothing to send' }]);
  const themes = await listThemes(db, consultation.partnershipId, consultation.id);
  const runId = newId();
  await db.transaction().execute(async (trx) => {
    const running = await trx
      .selectFrom('llm_runs')
      .select('id')
      .where('partnership_id', '=', consultation.partnershipId)
      .where('consultation_id', '=', consultation.id)
      .where('question_code', '=', question.code)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (running) throw conflict('The LLM is already working on this question: wait for it to finish');
    await trx
      .insertInto('llm_runs')
      .values({
        partnership_id: consultation.partnershipId,
        id: runId,
        consultation_id: consultation.id,
        question_code: question.code,
        status: 'running',
        answers_sent: answers.length,
        calls: 0,
        stage: null,
        reason: null,
        result: null,
        started_at: nowIso(),
        started_by: o.actor.label,
        finished_at: null,
      })
      .execute();
    await recordAudit(trx, {
      actor: o.actor,
      action: 'coding.llm-run',
      entity: 'consultation',
      entityId: consultation.id,
      partnershipId: consultation.partnershipId,
      detail: { question: question.code, answers: answers.length, endpoint: settings.endpoint.baseUrl, model: settings.endpoint.model },
    });
  });
  const finished = run(db, settings.endpoint, {
    runId,
    partnershipId: consultation.partnershipId,
    question: question.label,
    answers: answers.map((a) => ({ reference: a.reference, text: a.text })),
    existingThemes: themes.map((t) => ({ name: t.name, description: t.description })),
    timeoutMs: o.timeoutMs,
  });
  return { runId, finished };
}

async function run(
  db: Kysely<Database>,
  endpoint: LlmEndpoint,
  r: {
    runId: string;
    partnershipId: string;
    question: string;
    answers: { reference: string; text: string }[];
    existingThemes: { name: string; description: string }[];
    timeoutMs: number | undefined;
  },
): Promise<void> {
  let outcome: LlmRunResult;
  try {
    outcome = await runLlmThemes(endpoint, { question: r.question, answers: r.answers, existingThemes: r.existingThemes, timeoutMs: r.timeoutMs });
  } catch (error) {
    outcome = { ok: false, stage: 'generate', reason: (error as Error).message, calls: 0 };
  }
  const finished = { finished_at: nowIso(), calls: outcome.calls };
  const values = outcome.ok
    ? { ...finished, status: 'done', result: toJson({ themes: outcome.themes, assignments: Object.fromEntries(outcome.assignments) }) }
    : { ...finished, status: 'failed', stage: outcome.stage, reason: outcome.reason };
  try {
    await db.updateTable('llm_runs').set(values).where('partnership_id', '=', r.partnershipId).where('id', '=', r.runId).execute();
  } catch {
    // The database closed under the run (the server stopping): the next start marks it interrupted.
  }
}

/** Runs a stopped server left going can never finish: marked failed at start, so a question is never stuck. */
export async function markInterruptedLlmRuns(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('llm_runs')
    .set({ status: 'failed', stage: 'start', reason: 'the server stopped before the LLM finished: ask it again', finished_at: nowIso() })
    .where('status', '=', 'running')
    .execute();
}
