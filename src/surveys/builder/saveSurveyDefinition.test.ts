import { beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS } from '../../../test-support/consultations.js';
import { describeEachEngine } from '../../../test-support/databases.js';
import { loadConsultation, loadSurveyDefinition } from '../../consultations/queries/loadConsultation.js';
import { AppError } from '../../platform/errors.js';
import { cliActor } from '../../platform/recordAudit.js';
import { insertResponses } from '../../responses/insertResponses.js';
import type { SurveyDefinition } from '../definition.js';
import { editQuestion, removeOption, removeQuestion } from './edits.js';
import { saveSurveyDefinition } from './saveSurveyDefinition.js';
import { ok } from './smallSurvey.fixture.js';

describeEachEngine('saveSurveyDefinition', ({ handle }) => {
  let partnershipId: string;
  let consultationId: string;
  const current = async () => {
    const c = await loadConsultation(handle().db, consultationId);
    if (!c) throw new Error('gone');
    return { version: c.surveyVersion, definition: await loadSurveyDefinition(handle().db, c, c.surveyVersion) };
  };
  const save = (definition: SurveyDefinition, baseVersion?: number) =>
    saveSurveyDefinition({ db: handle().db, actor: cliActor(), partnershipId, consultationId, definition, ...(baseVersion ? { baseVersion } : {}) });
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
    return { code: err.code, status: err.status, message: err.message, fields: err.fields };
  };

  beforeAll(async () => {
    ({ partnershipId, consultationId } = await openConsultation(handle(), 'crime-survey', 'Save Survey Test'));
  });

  it('saves any valid change before responses, as version + 1, and nothing when nothing changed', async () => {
    const { definition } = await current();
    expect(await save(structuredClone(definition))).toEqual({ version: 1, changed: false, summary: 'no change' });
    expect(await save(ok(removeQuestion(definition, 'postcode')))).toEqual({ version: 2, changed: true, summary: 'removed postcode' });
    expect((await current()).version).toBe(2);
  });

  it('refuses a stale edit and an invalid definition', async () => {
    const { definition } = await current();
    expect(await refusal(save(ok(editQuestion(definition, 'ward', { label: 'Ward?', required: true })), 1))).toEqual({
      code: 'conflict',
      status: 409,
      message: 'The survey has changed since you opened it (version 2 is now current): reload the page and make your change again',
      fields: [],
    });
    expect(await refusal(save({ ...definition, pages: [] }))).toEqual({
      code: 'validation_failed',
      status: 422,
      message: 'There is a problem',
      fields: [{ field: 'pages', message: 'Add at least one page' }],
    });
    expect((await current()).version).toBe(2);
  });

  it('once there are responses, refuses breaking changes listing each and changing nothing, but saves wording fixes', async () => {
    const { version, definition } = await current();
    const row = {
      partnership_id: partnershipId,
      consultation_id: consultationId,
      survey_version: version,
      channel: 'paper',
      answers: JSON.stringify({ ward: VALID_CRIME_ANSWERS.ward, safe_day: VALID_CRIME_ANSWERS.safe_day }),
      submitted_at: new Date().toISOString(),
      entered_by: null,
      idempotency_key: null,
      import_id: null,
      is_demo: 0,
    };
    await insertResponses(handle(), [row]);
    const breaking = ok(removeOption(ok(removeQuestion(definition, 'feel_safer')), 'concerns', 'drugs'));
    expect(await refusal(save(breaking))).toEqual({
      code: 'conflict',
      status: 409,
      message: 'This survey has 1 response: the change would break stored answers, so nothing was saved',
      fields: [
        { field: 'concerns', message: 'Option "drugs" of "concerns" may have stored answers, so it cannot be removed (you can reword its label)' },
        { field: 'feel_safer', message: 'Question "feel_safer" has stored answers, so it cannot be removed' },
      ],
    });
    expect((await current()).version).toBe(2);
    const audits = () =>
      handle().db.selectFrom('audit_log').select('detail').where('action', '=', 'survey.edit').where('entity_id', '=', consultationId).execute();
    expect(await audits()).toHaveLength(1);

    expect(await save(ok(editQuestion(definition, 'ward', { label: 'Which ward do you live in now?', required: false })))).toEqual({
      version: 3,
      changed: true,
      summary: 'reworded ward',
    });
    const details = (await audits()).map((a) => JSON.parse(a.detail));
    expect(details.at(-1)).toEqual({
      fromVersion: 2,
      toVersion: 3,
      summary: 'reworded ward',
      responses: 1,
      added: [],
      removed: [],
      reworded: ['ward'],
      changed: [],
      reordered: false,
      pagesAdded: [],
      pagesRemoved: [],
      pagesReworded: [],
      titleChanged: false,
    });
  });
});
