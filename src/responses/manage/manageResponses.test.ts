import { beforeAll, expect, it } from 'vitest';
import { crimeAnswers, openConsultation } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { buildResponses, buildUser } from '../../../test-support/factories.js';
import { analyseStoredConsultation } from '../../analysis/index.js';
import { type Consultation, loadConsultation, loadSurveyDefinition } from '../../consultations/index.js';
import { listWards } from '../../partnerships/index.js';
import { AppError } from '../../platform/errors.js';
import { type Actor, cliActor } from '../../platform/recordAudit.js';
import type { SurveyDefinition, Ward } from '../../surveys/index.js';
import { eachResponse } from '../queries/listResponses.js';
import { responseCounts } from '../queries/responseCounts.js';
import { correctResponse } from './correctResponse.js';
import { findResponse } from './queries/findResponse.js';
import { responsesPage } from './queries/responsesPage.js';
import { responseVersions } from './queries/responseVersions.js';
import { restoreResponse } from './restoreResponse.js';
import { withdrawResponse } from './withdrawResponse.js';

const answers = crimeAnswers;

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describeEachEngine('managing responses', ({ handle }) => {
  let consultation: Consultation;
  let definition: SurveyDefinition;
  let wards: Ward[];
  let officer: Actor;
  const key = () => ({ partnershipId: consultation.partnershipId, consultationId: consultation.id });
  const references = async () => (await responsesPage(handle().db, key(), {}, { offset: 0, limit: 100 })).rows.map((r) => r.reference);
  /** "Very or fairly safe after dark": the count and the base, as the analysis gives them. */
  async function safeDark() {
    const outcome = await analyseStoredConsultation({ handle: handle(), consultation });
    if (!outcome.ok) throw new Error('analysis refused');
    const question = outcome.analysis.result.questions.find((q) => q.code === 'safe_dark');
    const count = (value: string) => question?.options.find((o) => o.value === value)?.count;
    return { n: outcome.analysis.result.n, veryUnsafe: count('very_unsafe'), fairlySafe: count('fairly_safe') };
  }

  const auditOf = async (partnershipId: string) =>
    (await handle().db.selectFrom('audit_log').selectAll().where('partnership_id', '=', partnershipId).orderBy('at').execute()).map((e) => ({
      ...e,
      entityId: e.entity_id,
      detail: JSON.parse(e.detail) as Record<string, unknown>,
    }));

  beforeAll(async () => {
    const { consultationId, partnershipId } = await openConsultation(handle(), 'crime-survey', 'Managed survey');
    consultation = (await loadConsultation(handle().db, consultationId))!;
    definition = await loadSurveyDefinition(handle().db, consultation, consultation.surveyVersion);
    wards = await listWards(handle().db, partnershipId);
    const user = await buildUser({ db: handle().db, role: 'analyst', partnershipId, name: 'Olive Officer' });
    officer = { id: user.id, label: user.email };
    await buildResponses({
      handle: handle(),
      consultation,
      // Ten alike, so that the analysis shows its figures (under ten they are suppressed).
      answers: [...Array.from({ length: 10 }, () => answers('earlsdon', 'fairly_safe')), answers('wyken', 'very_unsafe')],
    });
    await buildResponses({ handle: handle(), consultation, answers: [answers('wyken', 'fairly_safe')], channel: 'paper' });
  });

  it('lists responses newest first, filtered by channel, ward and date, and pages them', async () => {
    const all = await responsesPage(handle().db, key(), {}, { offset: 0, limit: 100 });
    expect(all.total).toBe(12);
    expect(all.rows.filter((r) => r.channel === 'paper')).toHaveLength(1);
    const paper = await responsesPage(handle().db, key(), { channel: 'paper' }, { offset: 0, limit: 100 });
    expect(paper.rows.map((r) => r.answers.ward)).toEqual(['wyken']);
    const wyken = await responsesPage(handle().db, key(), { ward: { question: 'ward', code: 'wyken' } }, { offset: 0, limit: 100 });
    expect(wyken.total).toBe(2);
    expect(wyken.rows.map((r) => r.answers.safe_dark).sort()).toEqual(['fairly_safe', 'very_unsafe']);
    const page3 = await responsesPage(handle().db, key(), {}, { offset: 10, limit: 5 });
    expect(page3.total).toBe(12);
    expect(page3.rows.map((r) => r.reference)).toEqual(all.rows.slice(10).map((r) => r.reference));
    const future = await responsesPage(handle().db, key(), { from: '2999-01-01T00:00:00.000Z' }, { offset: 0, limit: 100 });
    expect(future).toEqual({ total: 0, rows: [] });
    const past = await responsesPage(
      handle().db,
      key(),
      { before: '2999-01-01T00:00:00.000Z', from: '2000-01-01T00:00:00.000Z' },
      { offset: 0, limit: 100 },
    );
    expect(past.total).toBe(12);
  });

  it('corrects a response: the answers replaced kept as a version, audited, and the analysis reads the new answers', async () => {
    const before = await safeDark();
    expect(before).toEqual({ n: 12, veryUnsafe: 1, fairlySafe: 11 });
    const reference = (
      await responsesPage(handle().db, key(), { channel: 'online', ward: { question: 'ward', code: 'wyken' } }, { offset: 0, limit: 1 })
    ).rows[0]!.reference;
    const original = (await findResponse(handle().db, key(), reference))!;
    expect(original.version).toBe(1);

    const corrected = await correctResponse({
      db: handle().db,
      actor: officer,
      ...key(),
      reference,
      fromVersion: 1,
      answers: { ...answers('wyken', 'fairly_safe') },
      reason: 'Keyed from the wrong form',
      definition,
      wards,
    });
    expect(corrected).toEqual({ version: 2, changed: ['safe_dark'] });
    expect(await safeDark()).toEqual({ n: 12, veryUnsafe: 0, fairlySafe: 12 });

    const now = (await findResponse(handle().db, key(), reference))!;
    expect(now.version).toBe(2);
    expect(now.answers.safe_dark).toBe('fairly_safe');
    const versions = await responseVersions(handle().db, consultation.partnershipId, now.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedBy: 'Olive Officer', reason: 'Keyed from the wrong form', answers: original.answers });
    const audit = (await auditOf(consultation.partnershipId)).filter((e) => e.entityId === now.id);
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['response.correct', { reference, consultationId: consultation.id, version: 2, reason: 'Keyed from the wrong form', changed: ['safe_dark'] }],
    ]);

    // From a version that is no longer current: refused, nothing changed.
    const stale = await refusal(
      correctResponse({
        db: handle().db,
        actor: officer,
        ...key(),
        reference,
        fromVersion: 1,
        answers: answers('wyken', 'very_safe'),
        reason: 'x',
        definition,
        wards,
      }),
    );
    expect(stale.code).toBe('conflict');
    expect((await findResponse(handle().db, key(), reference))?.answers.safe_dark).toBe('fairly_safe');
  });

  it('refuses a correction without a reason, with a bad answer or with no change, naming each problem and changing nothing', async () => {
    const reference = (await references())[0]!;
    const attempt = (typed: Record<string, unknown>, reason: string) =>
      refusal(correctResponse({ db: handle().db, actor: officer, ...key(), reference, fromVersion: 1, answers: typed, reason, definition, wards }));
    const bad = await attempt({ ...answers('nowhere', 'fairly_safe') }, '  ');
    expect(bad.code).toBe('validation_failed');
    expect(bad.fields.map((f) => f.field)).toEqual(['ward', '_reason']);
    expect(bad.fields[1]?.message).toBe('Enter why you are correcting this response');
    const same = await attempt(answers('wyken', 'fairly_safe'), 'No change');
    expect(same.fields).toEqual([{ field: 'form', message: 'No answer was changed: change an answer, or cancel' }]);
    expect((await findResponse(handle().db, key(), reference))?.version).toBe(1);
  });

  it('lets a paper response leave a question blank that the online form requires, but not an online one', async () => {
    const [paper] = (await responsesPage(handle().db, key(), { channel: 'paper' }, { offset: 0, limit: 1 })).rows;
    const blank = { ...answers('wyken', 'fairly_safe'), safe_day: '' };
    const done = await correctResponse({
      db: handle().db,
      actor: officer,
      ...key(),
      reference: paper!.reference,
      fromVersion: 1,
      answers: blank,
      reason: 'Left blank on the paper form',
      definition,
      wards,
    });
    expect(done.changed).toEqual(['safe_day']);
    expect((await findResponse(handle().db, key(), paper!.reference))?.answers.safe_day).toBeNull();
    const online = (
      await responsesPage(handle().db, key(), { channel: 'online', ward: { question: 'ward', code: 'earlsdon' } }, { offset: 0, limit: 1 })
    ).rows[0]!;
    const refused = await refusal(
      correctResponse({
        db: handle().db,
        actor: officer,
        ...key(),
        reference: online.reference,
        fromVersion: 1,
        answers: { ...answers('earlsdon', 'fairly_safe'), safe_day: '' },
        reason: 'Blank',
        definition,
        wards,
      }),
    );
    expect(refused.fields.map((f) => f.field)).toEqual(['safe_day']);
  });

  it('withdraws a response out of counts, exports and the analysis, and an admin restores it, each audited', async () => {
    const before = await safeDark();
    const [reference] = (
      await responsesPage(handle().db, key(), { channel: 'online', ward: { question: 'ward', code: 'earlsdon' } }, { offset: 0, limit: 1 })
    ).rows.map((r) => r.reference);
    const missing = await refusal(withdrawResponse({ db: handle().db, actor: officer, ...key(), reference: reference!, reason: ' ' }));
    expect(missing.fields).toEqual([{ field: '_reason', message: 'Enter why you are withdrawing this response' }]);

    await withdrawResponse({ db: handle().db, actor: officer, ...key(), reference: reference!, reason: 'Duplicate of a paper response' });
    expect(await safeDark()).toEqual({ n: before.n - 1, veryUnsafe: before.veryUnsafe, fairlySafe: (before.fairlySafe ?? 0) - 1 });
    expect((await responseCounts(handle().db, consultation.partnershipId, consultation.id)).total).toBe(11);
    const exported: string[] = [];
    for await (const r of eachResponse(handle().db, consultation.partnershipId, consultation.id)) exported.push(r.reference);
    expect(exported).not.toContain(reference);
    expect(exported).toHaveLength(11);
    // Still listed for staff, as withdrawn, and still found with who and why.
    const listed = await responsesPage(handle().db, key(), {}, { offset: 0, limit: 100 });
    expect(listed.total).toBe(12);
    expect(listed.rows.find((r) => r.reference === reference)?.withdrawn).toBe(true);
    expect((await findResponse(handle().db, key(), reference!))?.withdrawal).toMatchObject({
      by: officer.label,
      reason: 'Duplicate of a paper response',
    });
    expect((await refusal(withdrawResponse({ db: handle().db, actor: officer, ...key(), reference: reference!, reason: 'again' }))).code).toBe(
      'conflict',
    );
    const correcting = await refusal(
      correctResponse({
        db: handle().db,
        actor: officer,
        ...key(),
        reference: reference!,
        fromVersion: 1,
        answers: answers('earlsdon', 'very_unsafe'),
        reason: 'x',
        definition,
        wards,
      }),
    );
    expect(correcting.code).toBe('conflict');

    await restoreResponse({ db: handle().db, actor: cliActor(), ...key(), reference: reference! });
    expect(await safeDark()).toEqual(before);
    expect((await findResponse(handle().db, key(), reference!))?.withdrawal).toBeNull();
    expect((await refusal(restoreResponse({ db: handle().db, actor: cliActor(), ...key(), reference: reference! }))).code).toBe('conflict');
    expect((await refusal(restoreResponse({ db: handle().db, actor: cliActor(), ...key(), reference: 'NOPE-NOPE-NO' }))).code).toBe('not_found');
    const actions = (await auditOf(consultation.partnershipId)).filter((e) => e.detail.reference === reference).map((e) => e.action);
    expect(actions.sort()).toEqual(['response.restore', 'response.withdraw']);
  });
});
