/** Loads the demo plan (demo/demoPlan.ts) through the same operations an officer uses; idempotent. */

import { analysisInThisThread } from '../../analysis/index.js';
import type { DemoContext } from '../../app/capability.js';
import { findPartnership } from '../../partnerships/index.js';
import { createPlan } from '../createPlan.js';
import { recordMeasureValue, recordProgress } from '../delivery/recordProgress.js';
import { linkEvidence, saveAction, saveImpact, saveMeasure, savePriority } from '../editPlan.js';
import { evidenceItems, evidenceKey } from '../evidence/evidenceItems.js';
import { addIntervention, addPccPriority } from '../library.js';
import type { ActionStatus } from '../planTerms.js';
import { loadPlan } from '../queries/loadPlan.js';
import { saveVersion } from '../versions/saveVersion.js';
import { DEMO_INTERVENTIONS, DEMO_PCC_PRIORITIES, DEMO_PRIORITIES, DEMO_PROGRESS, type DemoPriority } from './demoPlan.js';

export async function loadDemoPlan({ handle, actor, loaded }: DemoContext): Promise<Record<string, unknown>> {
  const { db } = handle;
  const partnershipId = loaded.partnershipId;
  const crimeSurveyId = (loaded.consultations as { crimeSurveyId?: string } | undefined)?.crimeSurveyId;
  if (!partnershipId) return {};
  if (await db.selectFrom('plans').select('id').where('partnership_id', '=', partnershipId).executeTakeFirst()) return {};
  const partnership = await findPartnership(db, partnershipId);
  if (!partnership) return {};
  const library = { db, actor, partnershipId };
  const pcc = new Map<string, string>();
  for (const p of DEMO_PCC_PRIORITIES) pcc.set(p.title, await addPccPriority(library, p));
  const interventions = new Map<string, string>();
  for (const i of DEMO_INTERVENTIONS)
    interventions.set(i.title, await addIntervention(library, { title: i.title, summary: i.summary, source: i.source, ...i.emmie }));

  const planId = await createPlan({
    db,
    actor,
    partnershipId,
    plan: {
      title: 'Coventry Community Safety Partnership Plan 2025 to 2028',
      startsOn: '2025-04-01',
      endsOn: '2028-03-31',
      consultationId: crimeSurveyId ?? '',
    },
  });
  const scope = { db, actor, partnershipId, planId };
  const runner = analysisInThisThread(handle);
  let items: Awaited<ReturnType<typeof evidenceItems>>;
  try {
    items = await evidenceItems({ handle, runner, partnership, user: undefined });
  } finally {
    await runner.close();
  }
  const byKey = new Map(items.map((i) => [evidenceKey(i.kind, i.ref), i]));
  const find = (e: { kind: string; ref: Record<string, string> }) =>
    byKey.get(evidenceKey(e.kind, Object.fromEntries(Object.entries(e.ref).map(([k, v]) => [k, v === '{crimeSurvey}' ? (crimeSurveyId ?? '') : v]))));
  const themes = (await loadPlan(db, partnershipId, planId))?.themes ?? [];

  const addPriority = async (p: DemoPriority) => {
    const theme = themes[p.theme];
    if (!theme) return;
    const id = await savePriority(scope, null, {
      themeId: theme.id,
      title: p.title,
      rationale: p.rationale,
      dimensions: p.dimensions,
      pccPriorityIds: p.pcc.flatMap((t) => pcc.get(t) ?? []),
    });
    for (const e of p.evidence) {
      const item = find(e);
      if (item) await linkEvidence(scope, id, { kind: item.kind, ref: item.ref, label: item.label, value: item.value });
    }
    for (const a of p.actions)
      await saveAction(scope, id, null, {
        title: a.title,
        leadPartner: a.lead,
        supportingPartners: a.supporting,
        startsOn: a.starts,
        dueOn: a.due,
        resources: a.resources,
        interventionId: a.intervention ? (interventions.get(a.intervention) ?? '') : '',
      });
    for (const m of p.measures) {
      const from = m.baselineFrom ? find(m.baselineFrom) : undefined;
      const fromValue = from ? Number(/^([\d,.]+)/.exec(from.value)?.[1]?.replace(/,/g, '').replace(/\.$/, '')) : Number.NaN;
      await saveMeasure(scope, id, null, {
        indicator: m.indicator,
        baseline: Number.isFinite(fromValue) ? fromValue : (m.baseline ?? null),
        baselineNote: from ? `${from.value}: ${from.source}` : m.baseline !== undefined ? 'From the partner’s records' : 'No baseline yet',
        target: m.target,
        source: m.source,
        frequency: m.frequency,
      });
    }
    for (const i of p.impacts)
      await saveImpact(scope, id, null, {
        groupKind: i.kind,
        groupLabel: i.group,
        impact: i.impact,
        evidence: i.evidence,
        breakdown: i.breakdown ?? '',
        mitigation: i.mitigation,
      });
  };

  for (const p of DEMO_PRIORITIES.filter((x) => !x.afterConsultation)) await addPriority(p);
  await saveVersion({ db, actor, partnershipId, planId, version: { status: 'consultation', decidedOn: null, decidedBy: '' } });
  for (const p of DEMO_PRIORITIES.filter((x) => x.afterConsultation)) await addPriority(p);
  await saveVersion({ db, actor, partnershipId, planId, version: { status: 'approved', decidedOn: '2025-03-18', decidedBy: 'Cabinet' } });

  const plan = await loadPlan(db, partnershipId, planId);
  const actions = plan?.themes.flatMap((t) => t.priorities.flatMap((p) => p.actions)) ?? [];
  for (const [i, action] of actions.entries()) {
    const progress = DEMO_PROGRESS[i];
    if (progress)
      await recordProgress(scope, action.id, { status: progress.status as ActionStatus, progress: progress.progress, note: progress.note });
  }
  const diverted = plan?.themes
    .flatMap((t) => t.priorities.flatMap((p) => p.measures))
    .find((m) => m.indicator === 'Young people diverted from court');
  if (diverted) {
    await recordMeasureValue(scope, diverted.id, { period: '2025-06-30', value: 17, note: 'Quarter 1' });
    await recordMeasureValue(scope, diverted.id, { period: '2025-09-30', value: 36, note: 'Quarters 1 and 2' });
  }
  return { plan: { planId } };
}
