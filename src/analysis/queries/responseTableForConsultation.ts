import type { Kysely } from 'kysely';
import type { Ward } from '../../consultations/survey/answerParsers.js';
import type { Answers, SurveyDefinition } from '../../consultations/survey/definition.js';
import type { Dialect } from '../../db/byDialect.js';
import type { Database } from '../../db/schema.js';
import { type ResponseTable, ResponseTableBuilder } from '../responseTable.js';

/**
 * Every response's answers and channel streamed from the database into columns, a page at a time
 * (keyset on submitted_at, id), so memory is the columns; on SQLite one streaming query.
 */
export async function responseTableForConsultation(
  db: Kysely<Database>,
  c: { partnershipId: string; id: string },
  definition: SurveyDefinition,
  wards: readonly Ward[],
  pageSize = 5000,
  dialect?: Dialect,
): Promise<ResponseTable> {
  const builder = new ResponseTableBuilder(definition, wards);
  if (dialect === 'sqlite') {
    // One streaming read (better-sqlite3 iterate): no order is needed to analyse, and keyset pages over
    // (submitted_at, id) get slower as the table grows.
    const rows = db.selectFrom('responses').select(['channel', 'answers']).where('partnership_id', '=', c.partnershipId).where('consultation_id', '=', c.id).stream(1000);
    for await (const r of rows) builder.add(JSON.parse(r.answers) as Answers, r.channel);
    return builder.build();
  }
  let after: { submittedAt: string; id: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('responses')
      .select(['id', 'submitted_at', 'channel', 'answers'])
      .where('partnership_id', '=', c.partnershipId)
      .where('consultation_id', '=', c.id)
      .orderBy('submitted_at')
      .orderBy('id')
      .limit(pageSize);
    const a = after;
    if (a) query = query.where((eb) => eb.or([eb('submitted_at', '>', a.submittedAt), eb.and([eb('submitted_at', '=', a.submittedAt), eb('id', '>', a.id)])]));
    const rows = await query.execute();
    for (const r of rows) builder.add(JSON.parse(r.answers) as Answers, r.channel);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return builder.build();
    after = { submittedAt: last.submitted_at, id: last.id };
  }
}
