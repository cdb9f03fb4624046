/**
 * A plan as plain data: what the plan pages, the reports and the versions all read. A version freezes the plan's
 * content (planText below: no delivery progress), so what Cabinet approved stays as it was approved.
 */
import type { ActionStatus, Dimension, Emmie, Impact, ImpactGroupKind } from './planTerms.js';

export interface EvidenceLink {
  id: string;
  kind: string;
  ref: Record<string, string>;
  label: string;
  linkedValue: string;
  linkedAt: string;
}

export interface PlanAction {
  id: string;
  reference: string;
  title: string;
  leadPartner: string;
  supportingPartners: string;
  startsOn: string | null;
  dueOn: string | null;
  resources: string;
  intervention: { id: string; title: string; emmie: Emmie } | null;
  status: ActionStatus;
  progress: number;
  progressNote: string;
  progressAt: string | null;
}

export interface PlanMeasure {
  id: string;
  indicator: string;
  baseline: number | null;
  baselineNote: string;
  target: string;
  source: string;
  frequency: string;
  values: { period: string; value: number; note: string }[];
}

export interface PlanImpact {
  id: string;
  groupKind: ImpactGroupKind;
  groupLabel: string;
  impact: Impact;
  evidence: string;
  breakdown: string | null;
  mitigation: string;
}

export interface PlanPriority {
  id: string;
  themeId: string;
  title: string;
  rationale: string;
  dimensions: Dimension[];
  pccPriorities: { id: string; title: string }[];
  evidence: EvidenceLink[];
  actions: PlanAction[];
  measures: PlanMeasure[];
  impacts: PlanImpact[];
}

export interface PlanTheme {
  id: string;
  title: string;
  summary: string;
  priorities: PlanPriority[];
}

export interface PlanContent {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  consultationId: string | null;
  themes: PlanTheme[];
}

/** The plan's content without delivery (progress, measure values): what a version freezes and compares. */
export function frozenContent(plan: PlanContent): PlanContent {
  return {
    ...plan,
    themes: plan.themes.map((t) => ({
      ...t,
      priorities: t.priorities.map((p) => ({
        ...p,
        actions: p.actions.map((a) => ({ ...a, status: 'not_started' as const, progress: 0, progressNote: '', progressAt: null })),
        measures: p.measures.map((m) => ({ ...m, values: [] })),
      })),
    })),
  };
}

export const allPriorities = (plan: PlanContent): PlanPriority[] => plan.themes.flatMap((t) => t.priorities);
export const allActions = (plan: PlanContent): PlanAction[] => allPriorities(plan).flatMap((p) => p.actions);
