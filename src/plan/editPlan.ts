/**
 * Every change to a plan's content: themes, priorities, actions, measures and Health Inequalities Impact rows, each
 * checked to belong to the plan and the partnership, made in one transaction with its audit entry.
 */
import type { Kysely, Transaction } from 'kysely';
import { fromJson, newId, nowIso, toJson } from '../db/columnTypes.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound, validationFailed } from '../platform/errors.js';
import { type Actor, recordAudit } from '../platform/recordAudit.js';
import type { ActionInput, ImpactInput, MeasureInput, PriorityInput, ThemeInput } from './schema.js';

interface PlanScope {
  db: Kysely<Database>;
  actor: Actor;
  partnershipId: string;
  planId: string;
}

type Trx = Transaction<Database>;

async function change(scope: PlanScope, action: string, detail: Record<string, unknown>, work: (trx: Trx) => Promise<string | undefined>) {
  return scope.db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('plans')
      .select('id')
      .where('partnership_id', '=', scope.partnershipId)
      .where('id', '=', scope.planId)
      .executeTakeFirst();
    if (!plan) throw notFound('Plan');
    const entityId = (await work(trx)) ?? scope.planId;
    await trx
      .updateTable('plans')
      .set({ updated_at: nowIso() })
      .where('partnership_id', '=', scope.partnershipId)
      .where('id', '=', scope.planId)
      .execute();
    await recordAudit(trx, {
      actor: scope.actor,
      action,
      entity: 'plan',
      entityId,
      partnershipId: scope.partnershipId,
      detail: { planId: scope.planId, ...detail },
    });
    return entityId;
  });
}

const nextPosition = async (
  trx: Trx,
  table: 'priority_themes' | 'plan_priorities' | 'plan_evidence' | 'plan_actions' | 'plan_measures' | 'plan_impacts',
  scope: PlanScope,
) => {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('max'))
    .where('partnership_id', '=', scope.partnershipId)
    .where('plan_id', '=', scope.planId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
};

async function checkTheme(trx: Trx, scope: PlanScope, themeId: string) {
  const theme = await trx
    .selectFrom('priority_themes')
    .select('id')
    .where('partnership_id', '=', scope.partnershipId)
    .where('plan_id', '=', scope.planId)
    .where('id', '=', themeId)
    .executeTakeFirst();
  if (!theme) throw validationFailed([{ field: 'themeId', message: 'Choose one of this plan’s themes' }]);
}

/** The priority, when it is this plan's; otherwise a 404 (another partnership's id says nothing about it). */
async function checkPriority(trx: Trx, scope: PlanScope, priorityId: string) {
  const found = await trx
    .selectFrom('plan_priorities')
    .select('id')
    .where('partnership_id', '=', scope.partnershipId)
    .where('plan_id', '=', scope.planId)
    .where('id', '=', priorityId)
    .executeTakeFirst();
  if (!found) throw notFound('Priority');
}

async function checkPcc(trx: Trx, scope: PlanScope, ids: readonly string[]) {
  if (!ids.length) return;
  const known = await trx
    .selectFrom('pcc_priorities')
    .select('id')
    .where('partnership_id', '=', scope.partnershipId)
    .where('id', 'in', [...ids])
    .execute();
  if (known.length !== new Set(ids).size)
    throw validationFailed([{ field: 'pccPriorityIds', message: 'Choose from the partnership’s PCC priorities' }]);
}

export const saveTheme = (scope: PlanScope, themeId: string | null, theme: ThemeInput) =>
  change(scope, themeId ? 'plan.theme.update' : 'plan.theme.add', { title: theme.title }, async (trx) => {
    if (themeId) {
      await checkTheme(trx, scope, themeId);
      await trx.updateTable('priority_themes').set(theme).where('partnership_id', '=', scope.partnershipId).where('id', '=', themeId).execute();
      return themeId;
    }
    const id = newId();
    const position = await nextPosition(trx, 'priority_themes', scope);
    await trx
      .insertInto('priority_themes')
      .values({ partnership_id: scope.partnershipId, id, plan_id: scope.planId, position, ...theme })
      .execute();
    return id;
  });

export const savePriority = (scope: PlanScope, priorityId: string | null, p: PriorityInput) =>
  change(scope, priorityId ? 'plan.priority.update' : 'plan.priority.add', { title: p.title }, async (trx) => {
    await checkTheme(trx, scope, p.themeId);
    await checkPcc(trx, scope, p.pccPriorityIds);
    const values = {
      theme_id: p.themeId,
      title: p.title,
      rationale: p.rationale,
      dimensions: toJson([...new Set(p.dimensions)]),
      pcc_priority_ids: toJson([...new Set(p.pccPriorityIds)]),
    };
    if (priorityId) {
      await checkPriority(trx, scope, priorityId);
      await trx.updateTable('plan_priorities').set(values).where('partnership_id', '=', scope.partnershipId).where('id', '=', priorityId).execute();
      return priorityId;
    }
    const id = newId();
    const position = await nextPosition(trx, 'plan_priorities', scope);
    await trx
      .insertInto('plan_priorities')
      .values({ partnership_id: scope.partnershipId, id, plan_id: scope.planId, position, ...values })
      .execute();
    return id;
  });

/** A priority and everything under it. */
export const removePriority = (scope: PlanScope, priorityId: string) =>
  change(scope, 'plan.priority.remove', { priorityId }, async (trx) => {
    await checkPriority(trx, scope, priorityId);
    for (const table of ['plan_evidence', 'plan_actions', 'plan_impacts'] as const)
      await trx.deleteFrom(table).where('partnership_id', '=', scope.partnershipId).where('priority_id', '=', priorityId).execute();
    const measures = await trx
      .selectFrom('plan_measures')
      .select('id')
      .where('partnership_id', '=', scope.partnershipId)
      .where('priority_id', '=', priorityId)
      .execute();
    if (measures.length)
      await trx
        .deleteFrom('measure_values')
        .where('partnership_id', '=', scope.partnershipId)
        .where(
          'measure_id',
          'in',
          measures.map((m) => m.id),
        )
        .execute();
    await trx.deleteFrom('plan_measures').where('partnership_id', '=', scope.partnershipId).where('priority_id', '=', priorityId).execute();
    await trx.deleteFrom('plan_priorities').where('partnership_id', '=', scope.partnershipId).where('id', '=', priorityId).execute();
    return priorityId;
  });

async function nextActionReference(trx: Trx, scope: PlanScope) {
  const rows = await trx
    .selectFrom('plan_actions')
    .select('reference')
    .where('partnership_id', '=', scope.partnershipId)
    .where('plan_id', '=', scope.planId)
    .execute();
  const highest = Math.max(0, ...rows.map((r) => Number(/^A(\d+)$/.exec(r.reference)?.[1] ?? 0)));
  return `A${highest + 1}`;
}

async function checkIntervention(trx: Trx, scope: PlanScope, id: string) {
  if (!id) return null;
  const found = await trx
    .selectFrom('interventions')
    .select('id')
    .where('partnership_id', '=', scope.partnershipId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw validationFailed([{ field: 'interventionId', message: 'Choose an intervention from the library' }]);
  return id;
}

export const saveAction = (scope: PlanScope, priorityId: string, actionId: string | null, a: ActionInput) =>
  change(scope, actionId ? 'plan.action.update' : 'plan.action.add', { priorityId, title: a.title }, async (trx) => {
    await checkPriority(trx, scope, priorityId);
    if (a.startsOn && a.dueOn && a.dueOn < a.startsOn)
      throw validationFailed([{ field: 'dueOn', message: 'The due date must be on or after the start date' }]);
    const values = {
      title: a.title,
      lead_partner: a.leadPartner,
      supporting_partners: a.supportingPartners,
      starts_on: a.startsOn,
      due_on: a.dueOn,
      resources: a.resources,
      intervention_id: await checkIntervention(trx, scope, a.interventionId),
    };
    if (actionId) {
      const updated = await trx
        .updateTable('plan_actions')
        .set(values)
        .where('partnership_id', '=', scope.partnershipId)
        .where('priority_id', '=', priorityId)
        .where('id', '=', actionId)
        .executeTakeFirst();
      if (!Number(updated.numUpdatedRows)) throw notFound('Action');
      return actionId;
    }
    const id = newId();
    await trx
      .insertInto('plan_actions')
      .values({
        partnership_id: scope.partnershipId,
        id,
        plan_id: scope.planId,
        priority_id: priorityId,
        position: await nextPosition(trx, 'plan_actions', scope),
        reference: await nextActionReference(trx, scope),
        ...values,
        status: 'not_started',
        progress: 0,
        progress_note: '',
        progress_at: null,
      })
      .execute();
    return id;
  });

export const saveMeasure = (scope: PlanScope, priorityId: string, measureId: string | null, m: MeasureInput) =>
  change(scope, measureId ? 'plan.measure.update' : 'plan.measure.add', { priorityId, indicator: m.indicator }, async (trx) => {
    await checkPriority(trx, scope, priorityId);
    const values = {
      indicator: m.indicator,
      baseline: m.baseline,
      baseline_note: m.baselineNote,
      target: m.target,
      source: m.source,
      frequency: m.frequency,
    };
    if (measureId) {
      const updated = await trx
        .updateTable('plan_measures')
        .set(values)
        .where('partnership_id', '=', scope.partnershipId)
        .where('priority_id', '=', priorityId)
        .where('id', '=', measureId)
        .executeTakeFirst();
      if (!Number(updated.numUpdatedRows)) throw notFound('Measure');
      return measureId;
    }
    const id = newId();
    const position = await nextPosition(trx, 'plan_measures', scope);
    await trx
      .insertInto('plan_measures')
      .values({ partnership_id: scope.partnershipId, id, plan_id: scope.planId, priority_id: priorityId, position, ...values })
      .execute();
    return id;
  });

export const saveImpact = (scope: PlanScope, priorityId: string, impactId: string | null, i: ImpactInput) =>
  change(scope, impactId ? 'plan.impact.update' : 'plan.impact.add', { priorityId, group: i.groupLabel }, async (trx) => {
    await checkPriority(trx, scope, priorityId);
    const values = {
      group_kind: i.groupKind,
      group_label: i.groupLabel,
      impact: i.impact,
      evidence: i.evidence,
      breakdown: i.breakdown || null,
      mitigation: i.mitigation,
    };
    if (impactId) {
      const updated = await trx
        .updateTable('plan_impacts')
        .set(values)
        .where('partnership_id', '=', scope.partnershipId)
        .where('priority_id', '=', priorityId)
        .where('id', '=', impactId)
        .executeTakeFirst();
      if (!Number(updated.numUpdatedRows)) throw notFound('Impact');
      return impactId;
    }
    const id = newId();
    const position = await nextPosition(trx, 'plan_impacts', scope);
    await trx
      .insertInto('plan_impacts')
      .values({ partnership_id: scope.partnershipId, id, plan_id: scope.planId, priority_id: priorityId, position, ...values })
      .execute();
    return id;
  });

const REMOVABLE = { action: 'plan_actions', impact: 'plan_impacts', evidence: 'plan_evidence' } as const;

/** An action, an impact row or an evidence link of a priority. */
export const removeItem = (scope: PlanScope, priorityId: string, kind: keyof typeof REMOVABLE, id: string) =>
  change(scope, `plan.${kind}.remove`, { priorityId, id }, async (trx) => {
    const removed = await trx
      .deleteFrom(REMOVABLE[kind])
      .where('partnership_id', '=', scope.partnershipId)
      .where('plan_id', '=', scope.planId)
      .where('priority_id', '=', priorityId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!Number(removed.numDeletedRows)) throw notFound(kind === 'evidence' ? 'Evidence link' : kind === 'action' ? 'Action' : 'Impact');
    return id;
  });

/** What an evidence link names, whatever the order its ref's keys were stored in. */
const refKey = (kind: string, ref: Record<string, string>) => JSON.stringify([kind, Object.entries(ref).sort(([a], [b]) => a.localeCompare(b))]);

/**
 * An evidence link, with the value it shows now (so a later change is told apart from the current figure). The same
 * item twice on one priority is refused (conflict): it would count one finding as two.
 */
export const linkEvidence = (
  scope: PlanScope,
  priorityId: string,
  link: { kind: string; ref: Record<string, string>; label: string; value: string },
) =>
  change(scope, 'plan.evidence.add', { priorityId, kind: link.kind, ref: link.ref }, async (trx) => {
    await checkPriority(trx, scope, priorityId);
    const linked = await trx
      .selectFrom('plan_evidence')
      .select(['kind', 'ref'])
      .where('partnership_id', '=', scope.partnershipId)
      .where('priority_id', '=', priorityId)
      .execute();
    const key = refKey(link.kind, link.ref);
    if (linked.some((l) => refKey(l.kind, fromJson<Record<string, string>>(l.ref, {})) === key))
      throw conflict('This evidence is already linked to the priority');
    const id = newId();
    await trx
      .insertInto('plan_evidence')
      .values({
        partnership_id: scope.partnershipId,
        id,
        plan_id: scope.planId,
        priority_id: priorityId,
        position: await nextPosition(trx, 'plan_evidence', scope),
        kind: link.kind,
        ref: toJson(link.ref),
        label: link.label,
        linked_value: link.value,
        linked_at: nowIso(),
      })
      .execute();
    return id;
  });

/** Marks an evidence link's current value as seen: the officer has checked the priority still stands on it. */
export const confirmEvidence = (scope: PlanScope, priorityId: string, evidenceId: string, value: string) =>
  change(scope, 'plan.evidence.confirm', { priorityId, evidenceId, value }, async (trx) => {
    const updated = await trx
      .updateTable('plan_evidence')
      .set({ linked_value: value, linked_at: nowIso() })
      .where('partnership_id', '=', scope.partnershipId)
      .where('plan_id', '=', scope.planId)
      .where('priority_id', '=', priorityId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();
    if (!Number(updated.numUpdatedRows)) throw notFound('Evidence link');
    return evidenceId;
  });

export type { PlanScope };
