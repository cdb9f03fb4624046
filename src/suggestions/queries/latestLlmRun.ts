import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { LlmTheme } from '../llm/prompts.js';

export type LlmRun =
  | { status: 'running'; startedAt: string; startedBy: string; answersSent: number }
  | {
      status: 'done';
      startedAt: string;
      startedBy: string;
      answersSent: number;
      finishedAt: string;
      themes: LlmTheme[];
      /** Theme names by answer reference. */
      assignments: Record<string, string[]>;
    }
  | { status: 'failed'; startedAt: string; startedBy: string; answersSent: number; stage: string; reason: string };

/** The last run of the partnership's LLM for a question of a consultation, or undefined. */
export async function latestLlmRun(
  db: Kysely<Database>,
  partnershipId: string,
  consultationId: string,
  questionCode: string,
): Promise<LlmRun | undefined> {
  const row = await db
    .selectFrom('llm_runs')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('consultation_id', '=', consultationId)
    .where('question_code', '=', questionCode)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const base = { startedAt: row.started_at, startedBy: row.started_by, answersSent: Number(row.answers_sent) };
  if (row.status === 'done') {
    const result = fromJson<{ themes: LlmTheme[]; assignments: Record<string, string[]> }>(row.result, { themes: [], assignments: {} });
    return { status: 'done', ...base, finishedAt: row.finished_at ?? row.started_at, themes: result.themes, assignments: result.assignments };
  }
  if (row.status === 'failed') return { status: 'failed', ...base, stage: row.stage ?? 'start', reason: row.reason ?? 'unknown' };
  return { status: 'running', ...base };
}
