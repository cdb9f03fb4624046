/** What the plan's route files share: the partnership and plan a request names, checked against the user's permission. */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type Action, actorOf, authorize, type Principal } from '../accounts/index.js';
import type { Database } from '../db/schema.js';
import { findPartnership, type Partnership } from '../partnerships/index.js';
import { type FieldError, notFound } from '../platform/errors.js';
import { type FormBody, firstValue, toFieldErrors } from '../platform/validation.js';
import type { PlanScope } from './editPlan.js';
import { allActions, allPriorities, type PlanAction, type PlanContent, type PlanPriority } from './planContent.js';
import { loadPlan } from './queries/loadPlan.js';

export interface PlanRequestContext {
  principal: Principal;
  partnership: Partnership;
  plan: PlanContent;
  /** What the plan's operations take: the database, the user as the audit log names them, the partnership and plan. */
  scope: PlanScope;
}

export function planAccess(db: Kysely<Database>) {
  /** Authorised first, so another partnership's staff learn nothing (not even whether the id exists). */
  async function partnershipFor(user: Principal | undefined, id: string, action: Action) {
    const principal = authorize(user, action, id);
    const partnership = await findPartnership(db, id);
    if (!partnership || partnership.id !== id) throw notFound('Partnership');
    return { principal, partnership };
  }
  async function planFor(user: Principal | undefined, id: string, planId: string, action: Action): Promise<PlanRequestContext> {
    const { principal, partnership } = await partnershipFor(user, id, action);
    const plan = await loadPlan(db, partnership.id, planId);
    if (!plan) throw notFound('Plan');
    return { principal, partnership, plan, scope: { db, actor: actorOf(principal), partnershipId: partnership.id, planId: plan.id } };
  }
  return { partnershipFor, planFor };
}

export function priorityOf(plan: PlanContent, priorityId: string): PlanPriority {
  const found = allPriorities(plan).find((p) => p.id === priorityId);
  if (!found) throw notFound('Priority');
  return found;
}

export function actionOf(plan: PlanContent, actionId: string): PlanAction {
  const found = allActions(plan).find((a) => a.id === actionId);
  if (!found) throw notFound('Action');
  return found;
}

/** One of a priority's rows (an action, a measure, an impact row or an evidence link) by id, or a 404. */
export function rowOf<T extends { id: string }>(rows: readonly T[], id: string, what: string): T {
  const found = rows.find((r) => r.id === id);
  if (!found) throw notFound(what);
  return found;
}

/** The named fields of a form as text (the first value of a repeated field), as typed: to read and to show again. */
export const valuesOf = <K extends string>(body: FormBody, names: readonly K[]): Record<K, string> =>
  Object.fromEntries(names.map((n) => [n, firstValue(body[n])])) as Record<K, string>;

/** A repeated field (checkboxes): every value given. */
export const listOf = (body: FormBody, name: string): string[] => {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A form's fields read with one of the plan's input schemas: the value, or each problem by its field. */
export function readForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; fields: FieldError[] } {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, fields: toFieldErrors(result.error) };
}
