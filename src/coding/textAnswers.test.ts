// What is coded: the free-text answers of a consultation's counted responses only.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/databases.js';
import { buildConsultation, buildPartnership, buildResponses } from '../../test-support/factories.js';
import type { Consultation } from '../consultations/index.js';
import { newId, nowIso } from '../db/columnTypes.js';
import { cliActor } from '../platform/recordAudit.js';
import { importCodings } from './importCodings.js';
import { textAnswers, textQuestions } from './queries/textAnswers.js';
import { withComment } from './testFixtures.js';

describeEachEngine('the answers to code', ({ handle }) => {
  let c: Consultation;
  let members: Consultation;
  const db = () => handle().db;
  const refOf = async (text: string) =>
    (await db().selectFrom('responses').select(['reference', 'answers']).where('consultation_id', '=', c.id).execute()).find((r) =>
      r.answers.includes(text),
    )?.reference ?? '';

  beforeAll(async () => {
    const p = await buildPartnership({ db: db() });
    c = await buildConsultation({ db: db(), partnershipId: p.id, stage: 'closed' });
    members = await buildConsultation({ db: db(), partnershipId: p.id, template: 'members-survey', stage: 'open' });
    await buildResponses({ handle: handle(), consultation: c, answers: ['Kept', 'Withdrawn later', 'Staged'].map((t) => withComment(t)) });
    await db()
      .updateTable('responses')
      .set({ withdrawn_at: nowIso(), withdrawn_by: 'test', withdrawal_reason: 'duplicate' })
      .where('reference', '=', await refOf('Withdrawn later'))
      .execute();
    // An import still being written: its rows stay out until it completes.
    const importId = newId();
    await db()
      .insertInto('imports')
      .values({
        partnership_id: p.id,
        id: importId,
        consultation_id: c.id,
        state: 'staging',
        file_name: 'x.csv',
        content_sha256: null,
        row_count: 1,
        created_by: null,
        created_by_label: 'test',
        created_at: nowIso(),
        updated_at: nowIso(),
        completed_at: null,
      })
      .execute();
    await db()
      .updateTable('responses')
      .set({ import_id: importId })
      .where('reference', '=', await refOf('Staged'))
      .execute();
  });

  it('leaves out withdrawn responses and unfinished imports', async () => {
    expect((await textAnswers(db(), c)).map((a) => a.text)).toEqual(['Kept']);
  });

  it('says why an import of codings cannot use them', async () => {
    const result = await importCodings({
      db: db(),
      actor: cliActor(),
      consultation: c,
      csv: `reference,question,theme\n${await refOf('Withdrawn later')},feel_safer,drugs\n${await refOf('Staged')},feel_safer,drugs\n`,
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 2, column: 'reference', message: `Response ${await refOf('Withdrawn later')} is withdrawn` },
        { row: 3, column: 'reference', message: `Response ${await refOf('Staged')} is still being imported` },
      ],
    });
  });

  it("finds the members' survey's free-text questions the same way", async () => {
    const codes = (await textQuestions(db(), members)).map((q) => q.code);
    expect(codes).toEqual(expect.arrayContaining(['partners_differently', 'other_comments']));
  });
});
