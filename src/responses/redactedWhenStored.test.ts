// Every path that stores a response's answers redacts its free text first (src/responses/checkAnswers.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { openConsultation, VALID_CRIME_ANSWERS, VALID_MEMBERS_ANSWERS } from '../../test-support/consultations.js';
import { describeEachEngine } from '../../test-support/databases.js';
import { ConsultationRuntimeCache } from '../consultations/index.js';
import { submitMemberResponse } from '../consultations/members/submitMemberResponse.js';
import { cliActor } from '../platform/recordAudit.js';
import { setRedactionSettings } from '../redaction/index.js';
import { enterResponse } from './enterResponse.js';
import { ResponseWriter } from './groupCommit.js';
import { importResponses } from './importResponses.js';
import { correctResponse } from './manage/correctResponse.js';
import { submitResponse } from './submitResponse.js';

const SAID = 'My neighbour Dave Smith (07700 900123) races his car AB12 CDE past 14 Acacia Avenue, CV2 4DX';
const STORED = 'My neighbour [name] ([phone]) races his car [vehicle] past [address], CV2 4..';

describeEachEngine('free text redacted when stored', ({ handle }) => {
  let crime: { partnershipId: string; consultationId: string };
  let runtimes: ConsultationRuntimeCache;
  beforeAll(async () => {
    crime = await openConsultation(handle());
    runtimes = new ConsultationRuntimeCache(handle().db);
  });
  const online = (writer: ResponseWriter, feel_safer: string) =>
    submitResponse({
      runtimes,
      writer,
      consultationId: crime.consultationId,
      answers: { ...VALID_CRIME_ANSWERS, feel_safer },
      channel: 'online',
      requireOpen: true,
    });
  const keyIn = (feel_safer: string) =>
    enterResponse({
      handle: handle(),
      runtimes,
      actor: cliActor(),
      partnershipId: crime.partnershipId,
      consultationId: crime.consultationId,
      answers: { ...VALID_CRIME_ANSWERS, feel_safer },
      channel: 'paper',
    });
  const answersOf = async (reference: string) =>
    JSON.parse(
      (await handle().db.selectFrom('responses').select('answers').where('reference', '=', reference).executeTakeFirstOrThrow()).answers,
    ) as Record<string, unknown>;

  it('online and through the API (submitResponse), leaving the other answers as they were', async () => {
    const writer = new ResponseWriter(handle());
    try {
      const stored = await online(writer, SAID);
      const answers = await answersOf(stored.reference);
      expect(answers.feel_safer).toBe(STORED);
      expect(answers.postcode).toBe('CV5 6');
      expect(answers.concerns).toEqual(['fly_tipping', 'asb', 'drugs']);
    } finally {
      await writer.close();
    }
  });

  it("in a member's response", async () => {
    const members = await openConsultation(handle(), 'members-survey', 'Members survey');
    const { id: userId } = await handle().db.selectFrom('users').select('id').where('email', '=', 'admin@saferplan.demo').executeTakeFirstOrThrow();
    const { reference } = await submitMemberResponse({
      handle: handle(),
      runtimes,
      partnershipId: members.partnershipId,
      consultationId: members.consultationId,
      userId,
      answers: { ...VALID_MEMBERS_ANSWERS, partners_differently: SAID, other_comments: 'Email sue@example.com' },
    });
    const answers = await answersOf(reference);
    expect([answers.partners_differently, answers.other_comments]).toEqual([STORED, 'Email [email]']);
  });

  it('keyed in by staff', async () => {
    const { reference } = await keyIn(SAID);
    expect((await answersOf(reference)).feel_safer).toBe(STORED);
  });

  it('imported, and an empty comment stays empty', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redact-import-'));
    const file = path.join(dir, 'responses.csv');
    fs.writeFileSync(
      file,
      `ward,safe_day,safe_dark,safe_centre_day,safe_centre_dark,feel_safer\nEarlsdon,very_safe,fairly_safe,fairly_safe,a_bit_unsafe,"${SAID}"\nEarlsdon,very_safe,fairly_safe,fairly_safe,a_bit_unsafe,\n`,
    );
    const { importId } = await importResponses({
      handle: handle(),
      runtimes,
      actor: cliActor(),
      consultationId: crime.consultationId,
      file,
      fileName: 'responses.csv',
    });
    const rows = await handle().db.selectFrom('responses').select('answers').where('import_id', '=', importId).execute();
    expect(rows.map((r) => JSON.parse(r.answers).feel_safer ?? null).sort()).toEqual([STORED, null].sort());
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps the text as typed on each path when the partnership has turned that on, and only what was changed', async () => {
    await setRedactionSettings(handle().db, { actor: cliActor(), partnershipId: crime.partnershipId, keepOriginals: true, retentionDays: 30 });
    const keptFor = async (reference: string) => {
      const { id } = await handle().db.selectFrom('responses').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
      const rows = await handle().db.selectFrom('response_originals').select('answers').where('response_id', '=', id).orderBy('kept_at').execute();
      return rows.map((r) => JSON.parse(r.answers));
    };
    const writer = new ResponseWriter(handle());
    try {
      const submitted = await online(writer, SAID);
      expect(await keptFor(submitted.reference)).toEqual([{ feel_safer: SAID }]);
      const clean = await submitResponse({
        runtimes,
        writer,
        consultationId: crime.consultationId,
        answers: VALID_CRIME_ANSWERS,
        channel: 'online',
        requireOpen: true,
      });
      expect(await keptFor(clean.reference)).toEqual([]);
    } finally {
      await writer.close();
    }
    const keyed = await keyIn(SAID);
    expect(await keptFor(keyed.reference)).toEqual([{ feel_safer: SAID }]);
    const runtime = await runtimes.get(crime.consultationId);
    if (!runtime) throw new Error('no runtime');
    await correctResponse({
      db: handle().db,
      actor: cliActor(),
      partnershipId: crime.partnershipId,
      consultationId: crime.consultationId,
      reference: keyed.reference,
      fromVersion: 1,
      answers: { ...VALID_CRIME_ANSWERS, feel_safer: 'Email sue@example.com' },
      reason: 'Typed again',
      definition: runtime.definition,
      wards: runtime.wards,
    });
    expect(await keptFor(keyed.reference)).toEqual([{ feel_safer: SAID }, { feel_safer: 'Email sue@example.com' }]);
    await setRedactionSettings(handle().db, { actor: cliActor(), partnershipId: crime.partnershipId, keepOriginals: false, retentionDays: 30 });
    expect(await keptFor(keyed.reference)).toEqual([]);
  });

  it('corrected, the version kept holding what was stored before', async () => {
    const { reference } = await keyIn('More lights');
    const runtime = await runtimes.get(crime.consultationId);
    if (!runtime) throw new Error('no runtime');
    const { changed } = await correctResponse({
      db: handle().db,
      actor: cliActor(),
      partnershipId: crime.partnershipId,
      consultationId: crime.consultationId,
      reference,
      fromVersion: 1,
      answers: { ...VALID_CRIME_ANSWERS, feel_safer: `More lights. ${SAID}` },
      reason: 'Typed from the paper form again',
      definition: runtime.definition,
      wards: runtime.wards,
    });
    expect(changed).toEqual(['feel_safer']);
    expect((await answersOf(reference)).feel_safer).toBe(`More lights. ${STORED}`);
  });
});
