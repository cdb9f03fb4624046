import { fromBool, toJson } from '../../db/columnTypes.js';
import type { DbHandle } from '../../db/database.js';
import { listWards } from '../../partnerships/index.js';
import type { Actor } from '../../platform/recordAudit.js';
import { insertResponses } from '../../responses/index.js';
import { changeConsultationStage } from '../changeConsultationStage.js';
import { createConsultation } from '../createConsultation.js';
import { loadConsultation, loadSurveyDefinition } from '../queries/loadConsultation.js';
import type { DemoResponse } from './generateDemoResponses.js';
import { generateDemoResponses } from './generateDemoResponses.js';
import { generateMembersResponses } from './generateMembersResponses.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The demo partnership's consultations: the Crime Survey, closed, with the dates of Coventry's 2024 Crime Survey
 * (10 July to 2 October 2024) and 696 generated responses; and the members' survey, open now.
 * Every response is flagged is_demo, and pages label it demo data.
 */
export async function loadDemoConsultations(
  handle: DbHandle,
  actor: Actor,
  partnershipId: string,
): Promise<{ crimeSurveyId: string; membersSurveyId: string }> {
  const db = handle.db;
  const existing = await db
    .selectFrom('consultations')
    .select(['id', 'template'])
    .where('partnership_id', '=', partnershipId)
    .where('is_demo', '=', 1)
    .execute();
  const found = (t: string) => existing.find((c) => c.template === t)?.id;
  const wards = await listWards(db, partnershipId);

  let crimeSurveyId = found('crime-survey');
  if (!crimeSurveyId) {
    crimeSurveyId = (
      await createConsultation({
        db,
        actor,
        partnershipId,
        isDemo: true,
        consultation: { template: 'crime-survey', title: 'Community Safety Crime Survey 2024', opens: '2024-07-10', closes: '2024-10-02' },
      })
    ).id;
    await changeConsultationStage({ db, actor, partnershipId, consultationId: crimeSurveyId, action: 'schedule' });
    await storeDemoResponses(handle, partnershipId, crimeSurveyId, (definition, window) => generateDemoResponses({ wards, definition, ...window }));
  }

  let membersSurveyId = found('members-survey');
  if (!membersSurveyId) {
    const now = Date.now();
    membersSurveyId = (
      await createConsultation({
        db,
        actor,
        partnershipId,
        isDemo: true,
        consultation: {
          template: 'members-survey',
          title: "Community Safety Partnership Plan: elected members' survey",
          opens: isoDay(now - 14 * DAY),
          closes: isoDay(now + 60 * DAY),
        },
      })
    ).id;
    await changeConsultationStage({ db, actor, partnershipId, consultationId: membersSurveyId, action: 'schedule' });
    await storeDemoResponses(handle, partnershipId, membersSurveyId, (definition, window) =>
      generateMembersResponses({
        wards,
        definition,
        opens: window.opens,
        closes: new Date(Math.min(Date.now(), new Date(window.closes).getTime())).toISOString(),
      }),
    );
  }
  return { crimeSurveyId, membersSurveyId };
}

async function storeDemoResponses(
  handle: DbHandle,
  partnershipId: string,
  consultationId: string,
  generate: (definition: Awaited<ReturnType<typeof loadSurveyDefinition>>, window: { opens: string; closes: string }) => DemoResponse[],
) {
  const c = (await loadConsultation(handle.db, consultationId, partnershipId))!;
  const definition = await loadSurveyDefinition(handle.db, c, c.surveyVersion);
  const responses = generate(definition, { opens: c.opensAt, closes: c.closesAt });
  await insertResponses(
    handle,
    responses.map((r) => ({
      partnership_id: partnershipId,
      consultation_id: consultationId,
      survey_version: c.surveyVersion,
      channel: r.channel,
      answers: toJson(r.answers),
      submitted_at: r.submittedAt,
      entered_by: null,
      idempotency_key: null,
      import_id: null,
      is_demo: fromBool(true),
    })),
  );
}
