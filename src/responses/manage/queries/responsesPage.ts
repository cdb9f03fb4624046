import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { byDialectOf } from '../../../db/byDialect.js';
import { fromJson } from '../../../db/columnTypes.js';
import type { Database } from '../../../db/schema.js';
import type { Answers } from '../../../surveys/index.js';
import { isComplete } from '../../queries/countedResponses.js';

export interface ResponsesFilter {
  channel?: string | undefined;
  /** Submitted at or after this instant (UTC ISO). */
  from?: string | undefined;
  /** Submitted before this instant (UTC ISO). */
  before?: string | undefined;
  /** A ward code, and the code of the question that asks for the ward. */
  ward?: { question: string; code: string } | undefined;
}

export interface ResponseSummary {
  reference: string;
  channel: string;
  submittedAt: string;
  answers: Answers;
  withdrawn: boolean;
}

export interface ResponsesPage {
  /** How many responses match the filter, withdrawn ones included. */
  total: number;
  rows: ResponseSummary[];
}

/**
 * One page of a consultation's stored responses for staff, newest first, withdrawn ones included (shown as such),
 * the rows of an import still being written left out. The ward is read from the stored answers' JSON: the engines
 * spell that differently.
 */
export async function responsesPage(
  db: Kysely<Database>,
  key: { partnershipId: string; consultationId: string },
  filter: ResponsesFilter,
  page: { offset: number; limit: number },
): Promise<ResponsesPage> {
  const ward = filter.ward;
  const wardOf = (question: string) =>
    byDialectOf(db, {
      sqlite: () => sql<string>`json_extract(responses.answers, ${`$."${question}"`})`,
      postgres: () => sql<string>`(responses.answers::json ->> ${question})`,
    });
  const base = db
    .selectFrom('responses')
    .where('responses.partnership_id', '=', key.partnershipId)
    .where('responses.consultation_id', '=', key.consultationId)
    .where(isComplete)
    .$if(filter.channel !== undefined, (q) => q.where('responses.channel', '=', filter.channel ?? ''))
    .$if(filter.from !== undefined, (q) => q.where('responses.submitted_at', '>=', filter.from ?? ''))
    .$if(filter.before !== undefined, (q) => q.where('responses.submitted_at', '<', filter.before ?? ''))
    .$if(ward !== undefined, (q) => q.where((eb) => eb(wardOf(ward?.question ?? ''), '=', ward?.code ?? '')));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    base
      .select(['reference', 'channel', 'submitted_at', 'answers', 'withdrawn_at'])
      .orderBy('submitted_at', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      reference: r.reference,
      channel: r.channel,
      submittedAt: r.submitted_at,
      answers: fromJson<Answers>(r.answers, {}),
      withdrawn: r.withdrawn_at !== null,
    })),
  };
}
