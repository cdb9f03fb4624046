import type { Kysely } from 'kysely';
import { fromJson } from '../../db/columnTypes.js';
import type { Database } from '../../db/schema.js';
import type { PlanContent, PlanPriority } from '../planContent.js';
import type { ActionStatus, Dimension, Emmie, Impact, ImpactGroupKind } from '../planTerms.js';

export interface PlanSummary {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  consultationId: string | null;
  createdAt: string;
}

const summaryOf = (r: { id: string; title: string; starts_on: string; ends_on: string; consultation_id: string | null; created_at: string }) => ({
  id: r.id,
  title: r.title,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  consultationId: r.consultation_id,
  createdAt: r.created_at,
});

/** The partnership's plans, the current one (latest start, then latest made) first. */
export async function listPlans(db: Kysely<Database>, partnershipId: string): Promise<PlanSummary[]> {
  const rows = await db
    .selectFrom('plans')
    .select(['id', 'title', 'starts_on', 'ends_on', 'consultation_id', 'created_at'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('starts_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(summaryOf);
}

export async function findPlan(db: Kysely<Database>, partnershipId: string, planId: string): Promise<PlanSummary | undefined> {
  const row = await db
    .selectFrom('plans')
    .select(['id', 'title', 'starts_on', 'ends_on', 'consultation_id', 'created_at'])
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', planId)
    .executeTakeFirst();
  return row && summaryOf(row);
}

export async function listPccPriorities(db: Kysely<Database>, partnershipId: string) {
  return db.selectFrom('pcc_priorities').select(['id', 'title', 'summary']).where('partnership_id', '=', partnershipId).orderBy('position').execute();
}

export async function listInterventions(db: Kysely<Database>, partnershipId: string) {
  const rows = await db
    .selectFrom('interventions')
    .select(['id', 'title', 'summary', 'emmie', 'source'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('title')
    .execute();
  return rows.map((r) => ({
    ...r,
    emmie: fromJson<Emmie>(r.emmie, { effect: 'unknown', evidence: 0, mechanism: 0, moderators: 0, implementation: 0, economic: 0 }),
  }));
}

/** Everything in one plan, themes and priorities in their order, each priority with its evidence, actions, measures and impacts. */
export async function loadPlan(db: Kysely<Database>, partnershipId: string, planId: string): Promise<PlanContent | undefined> {
  const plan = await findPlan(db, partnershipId, planId);
  if (!plan) return undefined;
  const [themes, priorities, evidence, actions, measures, impacts, pcc, interventions, values] = await Promise.all([
    db
      .selectFrom('priority_themes')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_priorities')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('plan_evidence')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_actions').selectAll().where('partnership_id', '=', partnershipId).where('plan_id', '=', planId).orderBy('position').execute(),
    db
      .selectFrom('plan_measures')
      .selectAll()
      .where('partnership_id', '=', partnershipId)
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_impacts').selectAll().where('partnership_id', '=', partnershipId).where('plan_id', '=', planId).orderBy('position').execute(),
    listPccPriorities(db, partnershipId),
    listInterventions(db, partnershipId),
    db
      .selectFrom('measure_values')
      .innerJoin('plan_measures', (j) =>
        j.onRef('plan_measures.partnership_id', '=', 'measure_values.partnership_id').onRef('plan_measures.id', '=', 'measure_values.measure_id'),
      )
      .select(['measure_values.measure_id', 'measure_values.period', 'measure_values.value', 'measure_values.note'])
      .where('measure_values.partnership_id', '=', partnershipId)
      .where('plan_measures.plan_id', '=', planId)
      .orderBy('measure_values.period')
      .execute(),
  ]);
  const pccById = new Map(pcc.map((p) => [p.id, p]));
  const interventionById = new Map(interventions.map((i) => [i.id, i]));
  const priorityOf = (p: (typeof priorities)[number]): PlanPriority => ({
    id: p.id,
    themeId: p.theme_id,
    title: p.title,
    rationale: p.rationale,
    dimensions: fromJson<Dimension[]>(p.dimensions, []),
    pccPriorities: fromJson<string[]>(p.pcc_priority_ids, []).flatMap((id) => {
      const found = pccById.get(id);
      return found ? [{ id, title: found.title }] : [];
    }),
    evidence: evidence
      .filter((e) => e.priority_id === p.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        ref: fromJson<Record<string, string>>(e.ref, {}),
        label: e.label,
        linkedValue: e.linked_value,
        linkedAt: e.linked_at,
      })),
    actions: actions
      .filter((a) => a.priority_id === p.id)
      .map((a) => {
        const intervention = a.intervention_id ? interventionById.get(a.intervention_id) : undefined;
        return {
          id: a.id,
          reference: a.reference,
          title: a.title,
          leadPartner: a.lead_partner,
          supportingPartners: a.supporting_partners,
          startsOn: a.starts_on,
          dueOn: a.due_on,
          resources: a.resources,
          intervention: intervention ? { id: intervention.id, title: intervention.title, emmie: intervention.emmie } : null,
          status: a.status as ActionStatus,
          progress: a.progress,
          progressNote: a.progress_note,
          progressAt: a.progress_at,
        };
      }),
    measures: measures
      .filter((m) => m.priority_id === p.id)
      .map((m) => ({
        id: m.id,
        indicator: m.indicator,
        baseline: m.baseline === null ? null : Number(m.baseline),
        baselineNote: m.baseline_note,
        target: m.target,
        source: m.source,
        frequency: m.frequency,
        values: values.filter((v) => v.measure_id === m.id).map((v) => ({ period: v.period, value: Number(v.value), note: v.note })),
      })),
    impacts: impacts
      .filter((i) => i.priority_id === p.id)
      .map((i) => ({
        id: i.id,
        groupKind: i.group_kind as ImpactGroupKind,
        groupLabel: i.group_label,
        impact: i.impact as Impact,
        evidence: i.evidence,
        breakdown: i.breakdown,
        mitigation: i.mitigation,
      })),
  });
  return {
    id: plan.id,
    title: plan.title,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    consultationId: plan.consultationId,
    themes: themes.map((t) => ({
      id: t.id,
      title: t.title,
      summary: t.summary,
      priorities: priorities.filter((p) => p.theme_id === t.id).map(priorityOf),
    })),
  };
}
