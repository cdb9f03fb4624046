/** The plan pages' view models (docs/plan.md): plan data in, what each template lays out. Pure. */
import type { Consultation } from '../consultations/index.js';
import type { Partnership } from '../partnerships/index.js';
import type { FieldError } from '../platform/errors.js';
import { formatLondon } from '../platform/londonTime.js';
import { errorSummaryItems, messagesByField } from '../platform/validation.js';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, type EvidenceItem, evidenceKey } from './evidence/evidenceItems.js';
import type { EvidenceStatus, ResolvedEvidence } from './evidence/resolveEvidence.js';
import type { PlanAction, PlanContent, PlanMeasure, PlanPriority, PlanTheme } from './planContent.js';
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionStatus,
  DIMENSION_LABELS,
  DIMENSIONS,
  EMMIE_EFFECT_LABELS,
  EMMIE_EFFECTS,
  type Emmie,
  IMPACT_GROUP_KIND_LABELS,
  IMPACT_GROUP_KINDS,
  IMPACT_LABELS,
  IMPACTS,
  MEASURE_FREQUENCIES,
  PLAN_STATUS_LABELS,
  type PlanStatus,
} from './planTerms.js';
import type { PlanSummary } from './queries/loadPlan.js';
import type { PlanVersion } from './versions/saveVersion.js';
import type { Change } from './versions/versionDiff.js';

type Values = Record<string, string>;
const errorsOf = (fields: readonly FieldError[] = []) => ({ errors: errorSummaryItems(fields), fieldErrors: messagesByField(fields) });

export const partnershipPath = (p: { id: string }) => `/staff/partnerships/${p.id}`;
export const plansPath = (p: { id: string }) => `${partnershipPath(p)}/plans`;
export const planPath = (p: { id: string }, plan: { id: string }) => `${plansPath(p)}/${plan.id}`;
export const priorityPath = (p: { id: string }, plan: { id: string }, priority: { id: string }) => `${planPath(p, plan)}/priorities/${priority.id}`;
export const pccPath = (p: { id: string }) => `${partnershipPath(p)}/pcc-priorities`;
export const interventionsPath = (p: { id: string }) => `${partnershipPath(p)}/interventions`;
/** Where the plan page shows a priority. */
export const priorityAnchor = (priority: { id: string }) => `priority-${priority.id}`;

/** What the plan page says after a change (its ?done=). */
export const NOTICES: Record<string, string> = {
  'plan-created': 'The plan was created with the three themes of the partnership’s plan. Add priorities under each.',
  'theme-saved': 'The theme was saved.',
  'priority-saved': 'The priority was saved.',
  'priority-removed': 'The priority was removed, with its evidence, actions, measures and impact rows.',
  'evidence-linked': 'The evidence was linked, with its value as it stands now.',
  'evidence-unlinked': 'The evidence was unlinked.',
  'evidence-confirmed': 'The evidence’s new value was confirmed.',
  'action-saved': 'The action was saved.',
  'action-removed': 'The action was removed.',
  'measure-saved': 'The measure was saved.',
  'impact-saved': 'The health inequalities impact row was saved.',
  'impact-removed': 'The health inequalities impact row was removed.',
  'version-saved': 'The version was saved. It is a frozen copy of the plan as it stands now.',
  progress: 'The action’s progress was updated.',
  'progress-imported': 'The progress file was imported: every action in it was updated.',
  'value-recorded': 'The measure’s value was recorded.',
  'pcc-added': 'The PCC priority was added.',
  'pcc-removed': 'The PCC priority was removed. Priorities that named it no longer do.',
  'intervention-added': 'The intervention was added to the library.',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2025-04-01" as "1 April 2025". */
export function longDate(day: string | null): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}
const onDate = (iso: string) => formatLondon(iso, 'date');
const period = (plan: { startsOn: string; endsOn: string }) => `${longDate(plan.startsOn)} to ${longDate(plan.endsOn)}`;
const or = (text: string, none: string) => (text.trim() ? text : none);

interface Tag {
  text: string;
  classes: string;
}
const ACTION_TAGS: Record<ActionStatus, string> = {
  not_started: 'govuk-tag--grey',
  on_track: 'govuk-tag--green',
  at_risk: 'govuk-tag--yellow',
  off_track: 'govuk-tag--red',
  complete: 'govuk-tag--blue',
};
export const actionTag = (status: ActionStatus): Tag => ({ text: ACTION_STATUS_LABELS[status], classes: ACTION_TAGS[status] });
const EVIDENCE_TAGS: Record<EvidenceStatus, Tag> = {
  current: { text: 'Current', classes: 'govuk-tag--green' },
  changed: { text: 'Changed', classes: 'govuk-tag--yellow' },
  missing: { text: 'No longer available', classes: 'govuk-tag--red' },
};
const PLAN_TAGS: Record<PlanStatus, string> = { draft: 'govuk-tag--grey', consultation: 'govuk-tag--blue', approved: 'govuk-tag--green' };

const RATINGS = ['None', 'Limited', 'Moderate', 'Strong'];
const rating = (n: number) => `${RATINGS[n] ?? n} (${n} of 3)`;
/** "Overall reduced crime; strength of evidence: Strong (3 of 3)". */
export const emmieText = (emmie: Emmie) => `${EMMIE_EFFECT_LABELS[emmie.effect]}; strength of evidence: ${rating(emmie.evidence)}`;
const FREQUENCY_LABELS: Record<string, string> = { monthly: 'Monthly', quarterly: 'Quarterly', 'six-monthly': 'Six-monthly', annually: 'Annually' };
const frequencyLabel = (f: string) => FREQUENCY_LABELS[f] ?? f;
const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

export function plansPage(a: {
  partnership: Partnership;
  plans: { plan: PlanSummary; latest: PlanVersion | undefined }[];
  canEdit: boolean;
  notice?: string | undefined;
}) {
  return {
    title: `Community Safety Partnership Plans: ${a.partnership.name}`,
    partnership: a.partnership,
    canEdit: a.canEdit,
    notice: a.notice,
    newHref: `${plansPath(a.partnership)}/new`,
    pccHref: pccPath(a.partnership),
    interventionsHref: interventionsPath(a.partnership),
    partnershipHref: partnershipPath(a.partnership),
    plans: a.plans.map(({ plan, latest }) => ({
      title: plan.title,
      href: planPath(a.partnership, plan),
      period: period(plan),
      status: latest ? `${PLAN_STATUS_LABELS[latest.status]} (version ${latest.number})` : 'Draft (no version yet)',
    })),
  };
}

export function planFormPage(a: { partnership: Partnership; consultations: Consultation[]; values: Values; fields?: readonly FieldError[] }) {
  return {
    title: `Create a plan: ${a.partnership.name}`,
    partnership: a.partnership,
    action: `${plansPath(a.partnership)}/new`,
    backHref: plansPath(a.partnership),
    values: a.values,
    consultationItems: [
      { value: '', text: 'None' },
      ...a.consultations.map((c) => ({ value: c.id, text: c.title, selected: a.values.consultationId === c.id })),
    ],
    ...errorsOf(a.fields),
  };
}

function evidenceView(a: { base: string; priority: PlanPriority; resolved: ReadonlyMap<string, ResolvedEvidence> }) {
  return a.priority.evidence.map((link) => {
    const r = a.resolved.get(link.id);
    const status: EvidenceStatus = r?.status ?? 'missing';
    return {
      id: link.id,
      label: link.label,
      kind: EVIDENCE_KIND_LABELS[link.kind as keyof typeof EVIDENCE_KIND_LABELS] ?? link.kind,
      tag: EVIDENCE_TAGS[status],
      status,
      /** The value now (current), both values (changed), or what it was and that it is gone (missing). */
      statusText: r?.statusText ?? 'No longer available.',
      source: r?.item ? { text: r.item.source, href: r.item.href } : null,
      unlinkAction: `${a.base}/evidence/${link.id}/remove`,
      confirmAction: status === 'changed' ? `${a.base}/evidence/${link.id}/confirm` : null,
    };
  });
}

function actionView(base: string, planBase: string, a: PlanAction) {
  const dates = [a.startsOn && `Starts ${longDate(a.startsOn)}`, a.dueOn && `due ${longDate(a.dueOn)}`].filter(Boolean).join(', ');
  return {
    id: a.id,
    anchor: `action-${a.id}`,
    reference: a.reference,
    title: a.title,
    rows: [
      { key: 'Lead partner', value: a.leadPartner },
      { key: 'Supporting partners', value: or(a.supportingPartners, 'None named') },
      { key: 'Dates', value: or(dates, 'Not set') },
      { key: 'Resources', value: or(a.resources, 'None recorded') },
      { key: 'Intervention', value: a.intervention ? `${a.intervention.title}: ${emmieText(a.intervention.emmie)}` : 'None chosen' },
    ],
    tag: actionTag(a.status),
    progress: `${a.progress}%`,
    progressNote: a.progressNote,
    progressAt: a.progressAt ? onDate(a.progressAt) : '',
    editHref: `${base}/actions/${a.id}`,
    progressHref: `${planBase}/actions/${a.id}/progress`,
  };
}

function measureView(base: string, planBase: string, m: PlanMeasure) {
  const latest = m.values.at(-1);
  return {
    id: m.id,
    indicator: m.indicator,
    baseline: m.baseline === null ? 'None yet' : number(m.baseline),
    baselineNote: m.baselineNote,
    target: m.target,
    source: m.source,
    frequency: frequencyLabel(m.frequency),
    latest: latest ? `${number(latest.value)} at ${longDate(latest.period)}${latest.note ? ` (${latest.note})` : ''}` : 'None recorded',
    editHref: `${base}/measures/${m.id}`,
    valuesHref: `${planBase}/measures/${m.id}/values`,
  };
}

export function planPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  evidence: ReadonlyMap<string, ResolvedEvidence>;
  versions: PlanVersion[];
  consultationTitle: string | undefined;
  can: { edit: boolean; approve: boolean; progress: boolean };
  notice?: string | undefined;
}) {
  const { partnership, plan } = a;
  const self = planPath(partnership, plan);
  const latest = a.versions[0];
  return {
    title: plan.title,
    partnership,
    notice: a.notice,
    can: a.can,
    plan: {
      title: plan.title,
      period: period(plan),
      consultationTitle: a.consultationTitle ?? 'None',
      status: latest ? { text: `${PLAN_STATUS_LABELS[latest.status]} (version ${latest.number})`, classes: PLAN_TAGS[latest.status] } : null,
    },
    paths: {
      list: plansPath(partnership),
      newTheme: `${self}/themes/new`,
      newPriority: `${self}/priorities/new`,
      newVersion: `${self}/versions/new`,
      upload: `${self}/progress-upload`,
      template: `${self}/progress-template.csv`,
      pcc: pccPath(partnership),
      interventions: interventionsPath(partnership),
    },
    themes: plan.themes.map((t: PlanTheme, i) => ({
      number: i + 1,
      title: t.title,
      summary: t.summary,
      editHref: `${self}/themes/${t.id}`,
      newPriorityHref: `${self}/priorities/new?theme=${encodeURIComponent(t.id)}`,
      priorities: t.priorities.map((p) => {
        const base = priorityPath(partnership, plan, p);
        return {
          id: p.id,
          anchor: priorityAnchor(p),
          title: p.title,
          rationale: or(p.rationale, 'None given'),
          dimensions: p.dimensions.map((d) => DIMENSION_LABELS[d]).join(', ') || 'None chosen',
          pcc: p.pccPriorities.map((x) => x.title).join('; ') || 'None',
          editHref: base,
          removeHref: `${base}/remove`,
          evidenceHref: `${base}/evidence`,
          newActionHref: `${base}/actions/new`,
          newMeasureHref: `${base}/measures/new`,
          newImpactHref: `${base}/impacts/new`,
          evidence: evidenceView({ base, priority: p, resolved: a.evidence }),
          actions: p.actions.map((x) => actionView(base, self, x)),
          measures: p.measures.map((m) => measureView(base, self, m)),
          impacts: p.impacts.map((x) => ({
            id: x.id,
            group: x.groupLabel,
            kind: IMPACT_GROUP_KIND_LABELS[x.groupKind],
            impact: IMPACT_LABELS[x.impact],
            evidence: or(x.evidence, 'None recorded'),
            breakdown: x.breakdown ?? '',
            mitigation: or(x.mitigation, 'None recorded'),
            editHref: `${base}/impacts/${x.id}`,
          })),
        };
      }),
    })),
    versions: a.versions.map((v, i) => {
      const previous = a.versions[i + 1];
      return {
        number: v.number,
        tag: { text: PLAN_STATUS_LABELS[v.status], classes: PLAN_TAGS[v.status] },
        decided: v.decidedOn ? `${longDate(v.decidedOn)}, ${v.decidedBy}` : 'Not decided',
        created: `${onDate(v.createdAt)} by ${v.createdBy}`,
        compareCurrentHref: `${self}/versions/${v.number}/compare/current`,
        comparePreviousHref: previous ? `${self}/versions/${previous.number}/compare/${v.number}` : null,
        previousNumber: previous?.number ?? null,
      };
    }),
  };
}

/** A form page about one plan: its title, the partnership's branding, the way back. */
const formBase = (partnership: Partnership, plan: PlanContent, heading: string, backAnchor?: string) => ({
  title: `${heading}: ${plan.title}`,
  partnership,
  heading,
  planTitle: plan.title,
  backHref: `${planPath(partnership, plan)}${backAnchor ? `#${backAnchor}` : ''}`,
});

export function themeFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  theme?: PlanTheme | undefined;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const self = planPath(a.partnership, a.plan);
  return {
    ...formBase(a.partnership, a.plan, a.theme ? 'Change the theme' : 'Add a theme'),
    action: a.theme ? `${self}/themes/${a.theme.id}` : `${self}/themes/new`,
    values: a.values,
    ...errorsOf(a.fields),
  };
}

export const themeValues = (t: PlanTheme): Values => ({ title: t.title, summary: t.summary });

export function priorityFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  priority?: PlanPriority | undefined;
  pccPriorities: { id: string; title: string; summary: string }[];
  values: Values;
  lists: { dimensions: string[]; pccPriorityIds: string[] };
  fields?: readonly FieldError[];
}) {
  const self = planPath(a.partnership, a.plan);
  return {
    ...formBase(a.partnership, a.plan, a.priority ? 'Change the priority' : 'Add a priority', a.priority && priorityAnchor(a.priority)),
    action: a.priority ? priorityPath(a.partnership, a.plan, a.priority) : `${self}/priorities/new`,
    values: a.values,
    themeItems: a.plan.themes.map((t) => ({ value: t.id, text: t.title, selected: a.values.themeId === t.id })),
    dimensionItems: DIMENSIONS.map((d) => ({ value: d, text: DIMENSION_LABELS[d], checked: a.lists.dimensions.includes(d) })),
    pccItems: a.pccPriorities.map((p) => ({
      value: p.id,
      text: p.title,
      hint: p.summary ? { text: p.summary } : undefined,
      checked: a.lists.pccPriorityIds.includes(p.id),
    })),
    pccHref: pccPath(a.partnership),
    ...errorsOf(a.fields),
  };
}

export const priorityValues = (p: PlanPriority) => ({
  values: { themeId: p.themeId, title: p.title, rationale: p.rationale },
  lists: { dimensions: [...p.dimensions], pccPriorityIds: p.pccPriorities.map((x) => x.id) },
});

export function priorityRemovePage(a: { partnership: Partnership; plan: PlanContent; priority: PlanPriority }) {
  const p = a.priority;
  return {
    ...formBase(a.partnership, a.plan, 'Remove the priority', priorityAnchor(p)),
    priorityTitle: p.title,
    action: `${priorityPath(a.partnership, a.plan, p)}/remove`,
    counts: [
      `${p.evidence.length} evidence ${p.evidence.length === 1 ? 'link' : 'links'}`,
      `${p.actions.length} ${p.actions.length === 1 ? 'action' : 'actions'}`,
      `${p.measures.length} ${p.measures.length === 1 ? 'measure' : 'measures'}`,
      `${p.impacts.length} health inequalities impact ${p.impacts.length === 1 ? 'row' : 'rows'}`,
    ],
  };
}

export function evidencePage(a: {
  partnership: Partnership;
  plan: PlanContent;
  priority: PlanPriority;
  items: EvidenceItem[];
  consultations: Consultation[];
  quote: Values;
  fields?: readonly FieldError[];
}) {
  const base = priorityPath(a.partnership, a.plan, a.priority);
  const linked = new Set(a.priority.evidence.map((e) => evidenceKey(e.kind, e.ref)));
  const kinds = EVIDENCE_KINDS.filter((k) => k !== 'quote').flatMap((kind) => {
    const ofKind = a.items.filter((i) => i.kind === kind);
    const groups = [...new Set(ofKind.map((i) => i.group))];
    return ofKind.length
      ? [
          {
            title: EVIDENCE_KIND_LABELS[kind],
            groups: groups.map((group) => ({
              title: group,
              items: ofKind
                .filter((i) => i.group === group)
                .map((i) => {
                  const key = evidenceKey(i.kind, i.ref);
                  return { key, label: i.label, value: i.value, source: i.source, href: i.href, linked: linked.has(key) };
                }),
            })),
          },
        ]
      : [];
  });
  return {
    ...formBase(a.partnership, a.plan, 'Link evidence', priorityAnchor(a.priority)),
    priorityTitle: a.priority.title,
    action: `${base}/evidence`,
    quoteAction: `${base}/evidence/quote`,
    linked: a.priority.evidence.map((e) => e.label),
    kinds,
    consultationItems: a.consultations.map((c) => ({ value: c.id, text: c.title, selected: a.quote.consultation === c.id })),
    quote: a.quote,
    ...errorsOf(a.fields),
  };
}

export function actionFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  priority: PlanPriority;
  action?: PlanAction | undefined;
  interventions: { id: string; title: string; emmie: Emmie }[];
  values: Values;
  fields?: readonly FieldError[];
}) {
  const base = priorityPath(a.partnership, a.plan, a.priority);
  return {
    ...formBase(a.partnership, a.plan, a.action ? `Change action ${a.action.reference}` : 'Add an action', priorityAnchor(a.priority)),
    priorityTitle: a.priority.title,
    action: a.action ? `${base}/actions/${a.action.id}` : `${base}/actions/new`,
    removeAction: a.action ? `${base}/actions/${a.action.id}/remove` : null,
    values: a.values,
    interventionItems: [
      { value: '', text: 'None' },
      ...a.interventions.map((i) => ({
        value: i.id,
        text: `${i.title} (${EMMIE_EFFECT_LABELS[i.emmie.effect]})`,
        selected: a.values.interventionId === i.id,
      })),
    ],
    interventionsHref: interventionsPath(a.partnership),
    ...errorsOf(a.fields),
  };
}

export const actionValues = (x: PlanAction): Values => ({
  title: x.title,
  leadPartner: x.leadPartner,
  supportingPartners: x.supportingPartners,
  startsOn: x.startsOn ?? '',
  dueOn: x.dueOn ?? '',
  resources: x.resources,
  interventionId: x.intervention?.id ?? '',
});

export function measureFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  priority: PlanPriority;
  measure?: PlanMeasure | undefined;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const base = priorityPath(a.partnership, a.plan, a.priority);
  const frequencies: string[] = [...MEASURE_FREQUENCIES];
  if (a.values.frequency && !frequencies.includes(a.values.frequency)) frequencies.push(a.values.frequency);
  return {
    ...formBase(a.partnership, a.plan, a.measure ? 'Change the measure' : 'Add a measure', priorityAnchor(a.priority)),
    priorityTitle: a.priority.title,
    action: a.measure ? `${base}/measures/${a.measure.id}` : `${base}/measures/new`,
    values: a.values,
    frequencyItems: frequencies.map((f) => ({ value: f, text: frequencyLabel(f), selected: a.values.frequency === f })),
    baselineItems: [
      { value: '', text: 'No: use the baseline typed above', selected: !a.values.baselineFrom },
      ...a.priority.evidence.map((e) => ({ value: e.id, text: `${e.label}: ${e.linkedValue}`, selected: a.values.baselineFrom === e.id })),
    ],
    ...errorsOf(a.fields),
  };
}

export const measureValues = (m: PlanMeasure): Values => ({
  indicator: m.indicator,
  baseline: m.baseline === null ? '' : String(m.baseline),
  baselineNote: m.baselineNote,
  target: m.target,
  source: m.source,
  frequency: m.frequency,
});

export function impactFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  priority: PlanPriority;
  impact?: { id: string; groupLabel: string } | undefined;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const base = priorityPath(a.partnership, a.plan, a.priority);
  return {
    ...formBase(
      a.partnership,
      a.plan,
      a.impact ? 'Change the health inequalities impact' : 'Add a health inequalities impact',
      priorityAnchor(a.priority),
    ),
    priorityTitle: a.priority.title,
    action: a.impact ? `${base}/impacts/${a.impact.id}` : `${base}/impacts/new`,
    removeAction: a.impact ? `${base}/impacts/${a.impact.id}/remove` : null,
    values: a.values,
    groupKindItems: IMPACT_GROUP_KINDS.map((k) => ({ value: k, text: IMPACT_GROUP_KIND_LABELS[k], checked: a.values.groupKind === k })),
    impactItems: IMPACTS.map((k) => ({ value: k, text: IMPACT_LABELS[k], checked: a.values.impact === k })),
    ...errorsOf(a.fields),
  };
}

export const impactValues = (i: PlanPriority['impacts'][number]): Values => ({
  groupKind: i.groupKind,
  groupLabel: i.groupLabel,
  impact: i.impact,
  evidence: i.evidence,
  breakdown: i.breakdown ?? '',
  mitigation: i.mitigation,
});

export function versionFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  versions: PlanVersion[];
  canApprove: boolean;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const statuses: PlanStatus[] = a.canApprove ? ['draft', 'consultation', 'approved'] : ['draft', 'consultation'];
  const HINTS: Record<PlanStatus, string> = {
    draft: 'A copy to come back to or compare with',
    consultation: 'The draft partners and the public are asked about',
    approved: 'The plan as approved: say when and by whom',
  };
  return {
    ...formBase(a.partnership, a.plan, 'Save a version'),
    action: `${planPath(a.partnership, a.plan)}/versions`,
    latest: a.versions[0] ? `Version ${a.versions[0].number}: ${PLAN_STATUS_LABELS[a.versions[0].status]}` : 'None yet',
    canApprove: a.canApprove,
    values: a.values,
    statusItems: statuses.map((s) => ({ value: s, text: PLAN_STATUS_LABELS[s], hint: { text: HINTS[s] }, checked: a.values.status === s })),
    ...errorsOf(a.fields),
  };
}

export function comparePage(a: { partnership: Partnership; plan: PlanContent; from: string; to: string; changes: Change[] }) {
  const GROUPS = [
    ['added', 'Added'],
    ['removed', 'Removed'],
    ['changed', 'Changed'],
  ] as const;
  return {
    title: `Compare ${a.from} with ${a.to}: ${a.plan.title}`,
    partnership: a.partnership,
    planTitle: a.plan.title,
    heading: `What changed from ${a.from} to ${a.to}`,
    backHref: `${planPath(a.partnership, a.plan)}#versions`,
    count: a.changes.length,
    groups: GROUPS.map(([kind, title]) => ({ title, items: a.changes.filter((c) => c.kind === kind).map((c) => c.text) })).filter(
      (g) => g.items.length,
    ),
  };
}

/** "version 2 (Out for consultation)" or "the current plan". */
export const versionName = (v: PlanVersion | 'current') =>
  v === 'current' ? 'the current plan' : `version ${v.number} (${PLAN_STATUS_LABELS[v.status]})`;

export function progressFormPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  action: PlanAction;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const x = a.action;
  return {
    ...formBase(a.partnership, a.plan, `Update progress: ${x.reference}`, `action-${x.id}`),
    actionTitle: x.title,
    lead: x.leadPartner,
    action: `${planPath(a.partnership, a.plan)}/actions/${x.id}/progress`,
    values: a.values,
    statusItems: ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s], checked: a.values.status === s })),
    ...errorsOf(a.fields),
  };
}

export const progressValues = (x: PlanAction): Values => ({ status: x.status, progress: String(x.progress), note: x.progressNote });

export function progressUploadPage(a: { partnership: Partnership; plan: PlanContent; problems?: readonly string[]; message?: string }) {
  const self = planPath(a.partnership, a.plan);
  const SHOWN = 500;
  const problems = a.problems ?? [];
  const errors = a.message
    ? [{ text: a.message, href: '#file' }]
    : [
        ...problems.slice(0, SHOWN).map((text) => ({ text, href: '#file' })),
        ...(problems.length > SHOWN ? [{ text: `and ${problems.length - SHOWN} more problems`, href: '#file' }] : []),
      ];
  return {
    ...formBase(a.partnership, a.plan, 'Upload progress'),
    action: `${self}/progress-upload`,
    templateHref: `${self}/progress-template.csv`,
    statuses: ACTION_STATUSES.map((s) => ACTION_STATUS_LABELS[s]).join(', '),
    errors,
    fileError: errors.length ? (a.message ?? 'The file was not imported: correct the problems listed and upload it again') : null,
  };
}

export function measureValuesPage(a: {
  partnership: Partnership;
  plan: PlanContent;
  measure: PlanMeasure;
  values: Values;
  fields?: readonly FieldError[];
}) {
  const m = a.measure;
  return {
    ...formBase(a.partnership, a.plan, 'Record a value'),
    indicator: m.indicator,
    target: m.target,
    baseline: m.baseline === null ? 'None yet' : number(m.baseline),
    action: `${planPath(a.partnership, a.plan)}/measures/${m.id}/values`,
    recorded: [...m.values].reverse().map((v) => ({ period: longDate(v.period), value: number(v.value), note: v.note })),
    values: a.values,
    ...errorsOf(a.fields),
  };
}

export function pccPage(a: {
  partnership: Partnership;
  priorities: { id: string; title: string; summary: string }[];
  values: Values;
  notice?: string | undefined;
  fields?: readonly FieldError[];
}) {
  return {
    title: `PCC priorities: ${a.partnership.name}`,
    partnership: a.partnership,
    notice: a.notice,
    action: pccPath(a.partnership),
    plansHref: plansPath(a.partnership),
    priorities: a.priorities.map((p) => ({ ...p, removeAction: `${pccPath(a.partnership)}/${p.id}/remove` })),
    values: a.values,
    ...errorsOf(a.fields),
  };
}

export function interventionsPage(a: {
  partnership: Partnership;
  interventions: { id: string; title: string; summary: string; source: string; emmie: Emmie }[];
  values: Values;
  notice?: string | undefined;
  fields?: readonly FieldError[];
}) {
  const ratingItems = (name: string) =>
    RATINGS.map((label, n) => ({ value: String(n), text: `${n}: ${label}`, selected: (a.values[name] ?? '0') === String(n) }));
  return {
    title: `What works: ${a.partnership.name}`,
    partnership: a.partnership,
    notice: a.notice,
    action: interventionsPath(a.partnership),
    plansHref: plansPath(a.partnership),
    interventions: a.interventions.map((i) => ({
      title: i.title,
      summary: i.summary,
      source: i.source,
      effect: EMMIE_EFFECT_LABELS[i.emmie.effect],
      ratings: `Evidence ${i.emmie.evidence}, mechanism ${i.emmie.mechanism}, moderators ${i.emmie.moderators}, implementation ${i.emmie.implementation}, economic cost ${i.emmie.economic}`,
    })),
    values: a.values,
    effectItems: EMMIE_EFFECTS.map((e) => ({ value: e, text: EMMIE_EFFECT_LABELS[e], checked: a.values.effect === e })),
    ratingFields: [
      ['evidence', 'Strength of the evidence on the effect'],
      ['mechanism', 'Mechanism: how it works'],
      ['moderators', 'Moderators: where it works'],
      ['implementation', 'Implementation: what it takes'],
      ['economic', 'Economic cost'],
    ].map(([name = '', label = '']) => ({ name, label, items: ratingItems(name) })),
    ...errorsOf(a.fields),
  };
}
