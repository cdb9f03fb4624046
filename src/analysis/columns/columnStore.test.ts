import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { openConsultation } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { generateDemoResponses } from '../../consultations/demo/generateDemoResponses.js';
import { type Consultation, loadConsultation, loadSurveyDefinition } from '../../consultations/index.js';
import type { DbHandle } from '../../db/database.js';
import { createPartnership, listWards } from '../../partnerships/index.js';
import { cliActor } from '../../platform/recordAudit.js';
import { insertResponses, responsesArrivedAfter } from '../../responses/index.js';
import type { Answers, SurveyDefinition, Ward } from '../../surveys/index.js';
import { analyseTable } from '../analyseConsultation.js';
import { analyseStoredConsultation } from '../analyseStoredConsultation.js';
import { buildResponseTable, type ChoiceColumn } from '../responseTable.js';
import { parseMargins, weightsFromMargins } from '../weighting.js';
import { ColumnStore, SAVE_AFTER_ROWS } from './columnStore.js';
import { tableLayout } from './layout.js';

const MARGINS = 'variable,value,population\nchannel,online,600\nchannel,paper,300\nchannel,email,100\n';

describeEachEngine('column store', ({ handle, engine, target }) => {
  let consultation: Consultation;
  let definition: SurveyDefinition;
  let wards: Ward[];
  /** Every answer stored so far, in the order stored, with its channel inside. */
  const stored: Answers[] = [];
  let demo: { answers: Answers; channel: string }[];

  const key = () => ({ partnershipId: consultation.partnershipId, consultationId: consultation.id });
  const layout = () => tableLayout(definition, wards);
  async function store(count: number, into = consultation): Promise<void> {
    const rows = demo.splice(0, count);
    await insertResponses(
      handle(),
      rows.map((r) => responseRow(into, r.answers, r.channel)),
    );
    if (into === consultation) stored.push(...rows.map((r) => ({ ...r.answers, channel: r.channel })));
  }
  const chunks = () =>
    handle()
      .db.selectFrom('answer_chunks')
      .select(['partnership_id', 'position', 'first_row', 'row_count', 'layout'])
      .where('consultation_id', '=', consultation.id)
      .orderBy('position')
      .execute();

  beforeAll(async () => {
    const { consultationId } = await openConsultation(handle(), 'crime-survey', 'Column store');
    consultation = (await loadConsultation(handle().db, consultationId))!;
    definition = await loadSurveyDefinition(handle().db, consultation, consultation.surveyVersion);
    wards = await listWards(handle().db, consultation.partnershipId);
    demo = generateDemoResponses({ wards, count: 6000, opens: '2024-07-09T23:00:00.000Z', closes: '2024-10-02T22:59:59.000Z' }).map((r) => ({
      answers: r.answers,
      channel: r.channel,
    }));
  });

  it('gives exactly the JSON of analysing the answers themselves, unweighted and weighted, and stores the columns', async () => {
    await store(SAVE_AFTER_ROWS + 200);
    const plain = await analyseStoredConsultation({ handle: handle(), consultation, analysis: { filters: { ward: wards[0]!.code } } });
    const expected = buildResponseTable(definition, stored, wards);
    expect(JSON.stringify(plain.ok && plain.analysis.result)).toBe(
      JSON.stringify(analyseTable(expected, { template: consultation.template, filters: { ward: wards[0]!.code } })),
    );
    const weighted = await analyseStoredConsultation({ handle: handle(), consultation, marginsCsv: MARGINS });
    const margins = parseMargins(MARGINS);
    const raked = margins.ok ? weightsFromMargins(expected, margins.margins) : null;
    expect(raked?.ok ? null : raked?.error.message).toBe(null);
    expect(JSON.stringify(weighted.ok && weighted.analysis.result)).toBe(
      JSON.stringify(analyseTable(expected, { template: consultation.template, weights: raked?.ok ? raked.weights : null })),
    );
    expect(await chunks()).toEqual([
      { partnership_id: consultation.partnershipId, position: 0, first_row: 0, row_count: 1200, layout: layout().fingerprint },
    ]);
  });

  it('includes a response stored a moment ago, in this process and in one that starts cold', async () => {
    const warm = new ColumnStore(handle());
    expect((await warm.table(key(), layout())).n).toBe(1200);
    await store(3);
    expect((await warm.table(key(), layout())).n).toBe(1203);
    const cold = await new ColumnStore(handle()).table(key(), layout());
    expect(cold).toEqual(buildResponseTable(definition, stored, wards));
  });

  it('reads the stored chunks, not every response again', async () => {
    // Responses are never edited; doing it here shows where a cold process gets its answers from.
    const first = await handle()
      .db.selectFrom('responses')
      .select('id')
      .where('consultation_id', '=', consultation.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    const { answers } = await handle().db.selectFrom('responses').select('answers').where('id', '=', first.id).executeTakeFirstOrThrow();
    await handle().db.updateTable('responses').set({ answers: '{}' }).where('id', '=', first.id).execute();
    try {
      const cold = await new ColumnStore(handle()).table(key(), layout());
      expect(cold.n).toBe(1203);
      expect((cold.byCode.get('safe_day') as ChoiceColumn).codes).toEqual(
        (buildResponseTable(definition, stored, wards).byCode.get('safe_day') as ChoiceColumn).codes,
      );
    } finally {
      await handle().db.updateTable('responses').set({ answers }).where('id', '=', first.id).execute();
    }
  });

  it('sees a response whose transaction began before a read and committed after it', async () => {
    const s = new ColumnStore(handle());
    const late = responseRow(consultation, { safe_day: 'very_safe' }, 'paper');
    await withOpenTransaction(handle(), engine, target(), late, async () => {
      if (engine === 'postgres') await store(1); // a later transaction, committed first
      expect((await s.table(key(), layout())).n).toBe(stored.length);
    });
    stored.push({ ...JSON.parse(late.answers), channel: 'paper' });
    const after = await s.table(key(), layout());
    expect(after.n).toBe(stored.length);
    expect(after).toEqual(buildResponseTable(definition, stored, wards));
  });

  it('catches up once when asked twice at the same time, and two processes saving keep one readable chain', async () => {
    const a = new ColumnStore(handle());
    const b = new ColumnStore(handle());
    await Promise.all([a.table(key(), layout()), b.table(key(), layout())]);
    await store(SAVE_AFTER_ROWS);
    const [a1, a2, b1] = await Promise.all([a.table(key(), layout()), a.table(key(), layout()), b.table(key(), layout())]);
    expect([a1.n, a2.n, b1.n]).toEqual([stored.length, stored.length, stored.length]);
    await store(SAVE_AFTER_ROWS);
    await b.table(key(), layout());
    await a.table(key(), layout());
    const cold = await new ColumnStore(handle()).table(key(), layout());
    // A process reading from scratch may order a late-committing transaction differently: the same results.
    expect(JSON.stringify(analyseTable(cold))).toBe(JSON.stringify(analyseTable(buildResponseTable(definition, stored, wards))));
    const saved = await chunks();
    expect(saved.reduce((n, c) => n + c.row_count, 0)).toBe(stored.length);
  });

  it('rebuilds the columns when the encoding changes (a new survey version, other wards)', async () => {
    const fewer = tableLayout(definition, wards.slice(1));
    const t = await new ColumnStore(handle()).table(key(), fewer);
    // Read afresh, rows come in the engine's arrival order (on PostgreSQL, by inserting transaction): same results.
    expect(JSON.stringify(analyseTable(t))).toBe(JSON.stringify(analyseTable(buildResponseTable(definition, stored, wards.slice(1)))));
    expect((await chunks()).map((c) => c.layout)).toEqual([fewer.fingerprint]);
  });

  it("never reads another partnership's responses, even under the same consultation id", async () => {
    const other = await createPartnership({ db: handle().db, actor: cliActor(), partnership: { name: `Elsewhere ${engine}` } });
    const twin = { ...consultation, partnershipId: other.id };
    const row = await handle().db.selectFrom('consultations').selectAll().where('id', '=', consultation.id).executeTakeFirstOrThrow();
    await handle()
      .db.insertInto('consultations')
      .values({ ...row, partnership_id: other.id, slug: 'twin' })
      .execute();
    await store(SAVE_AFTER_ROWS + 5, twin);
    const s = new ColumnStore(handle());
    expect((await s.table(key(), layout())).n).toBe(stored.length);
    expect((await s.table({ partnershipId: other.id, consultationId: consultation.id }, layout())).n).toBe(SAVE_AFTER_ROWS + 5);
    const saved = await chunks();
    expect(saved.filter((c) => c.partnership_id === other.id).reduce((n, c) => n + c.row_count, 0)).toBe(SAVE_AFTER_ROWS + 5);
    expect(saved.filter((c) => c.partnership_id === consultation.partnershipId).reduce((n, c) => n + c.row_count, 0)).toBe(stored.length);
  });

  it('starts again from every response when a mark no longer fits the database', async () => {
    if (engine === 'postgres') {
      // A snapshot from ahead of this cluster's transaction counter, as after restoring a dump elsewhere.
      expect(await responsesArrivedAfter(handle(), { ...key(), after: '4000000000:4000000000:' }, () => undefined)).toEqual({ stale: true });
      return;
    }
    // SQLite: the mark is a rowid, and rowids can be reused (the last row deleted) or renumbered (VACUUM without
    // an INTEGER PRIMARY KEY). Responses are never deleted; doing it here makes the next insert reuse the mark's rowid.
    await store(1);
    const s = new ColumnStore(handle());
    await s.table(key(), layout());
    await sql`delete from responses where rowid = (select max(rowid) from responses)`.execute(handle().db);
    stored.pop();
    await store(2);
    expect(await s.table(key(), layout())).toEqual(buildResponseTable(definition, stored, wards));
  });
});

let submitted = Date.parse('2024-07-10T00:00:00Z');

/** A response row stamped a millisecond after the last (PostgreSQL reads one transaction's rows in submission order). */
function responseRow(c: Consultation, answers: Answers, channel: string) {
  return {
    partnership_id: c.partnershipId,
    consultation_id: c.id,
    survey_version: c.surveyVersion,
    channel,
    answers: JSON.stringify(answers),
    submitted_at: new Date(submitted++).toISOString(),
    entered_by: null,
    idempotency_key: null,
    import_id: null,
    is_demo: 0,
  };
}

/** Inserts `row` in a transaction of its own connection, runs `meanwhile`, then commits. */
async function withOpenTransaction(
  handle: DbHandle,
  engine: string,
  target: string,
  row: ReturnType<typeof responseRow>,
  meanwhile: () => Promise<void>,
): Promise<void> {
  const insert = `insert into responses (partnership_id, id, consultation_id, reference, survey_version, channel, answers, submitted_at, is_demo)`;
  const values = [
    row.partnership_id,
    crypto.randomUUID(),
    row.consultation_id,
    `LATE${Date.now()}`,
    row.survey_version,
    row.channel,
    row.answers,
    row.submitted_at,
    0,
  ];
  if (engine === 'sqlite') {
    const other = new SQLite(target);
    try {
      other.prepare('begin immediate').run();
      other.prepare(`${insert} values (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values);
      await meanwhile();
      other.prepare('commit').run();
    } finally {
      other.close();
    }
    return;
  }
  if (handle.driver.kind !== 'postgres') throw new Error('unreachable');
  const client = await handle.driver.pool.connect();
  try {
    await client.query('begin');
    await client.query(`${insert} values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, values);
    await meanwhile();
    await client.query('commit');
  } finally {
    client.release();
  }
}
