/**
 * What changed between two versions of a plan, in words an officer and a councillor read ("Priority “Fly-tipping”
 * added under Public place safety and reassurance"; "Action A3: due date 2025-12-31 → 2026-03-31"). Pure.
 */
import type { PlanAction, PlanContent, PlanMeasure, PlanPriority } from '../planContent.js';

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  text: string;
}

const q = (s: string) => `“${s}”`;
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(none)' : Array.isArray(v) ? v.join(', ') || '(none)' : String(v));

function fieldChanges<T>(before: T, after: T, fields: readonly (keyof T & string)[], labels: Record<string, string>, prefix: string): Change[] {
  return fields.flatMap((f) => {
    const a = JSON.stringify(before[f]);
    const b = JSON.stringify(after[f]);
    return a === b ? [] : [{ kind: 'changed' as const, text: `${prefix}: ${labels[f] ?? f} ${show(before[f])} → ${show(after[f])}` }];
  });
}

function listChanges<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  name: (x: T) => string,
  compare: (a: T, b: T) => Change[],
  where: string,
): Change[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return [
    ...after.filter((x) => !old.has(x.id)).map((x) => ({ kind: 'added' as const, text: `${name(x)} added${where}` })),
    ...before.filter((x) => !now.has(x.id)).map((x) => ({ kind: 'removed' as const, text: `${name(x)} removed${where}` })),
    ...after.flatMap((x) => {
      const was = old.get(x.id);
      return was ? compare(was, x) : [];
    }),
  ];
}

const actionName = (a: PlanAction) => `Action ${a.reference} ${q(a.title)}`;
const compareAction = (a: PlanAction, b: PlanAction) =>
  fieldChanges(
    { ...a, intervention: a.intervention?.title ?? null },
    { ...b, intervention: b.intervention?.title ?? null },
    ['title', 'leadPartner', 'supportingPartners', 'startsOn', 'dueOn', 'resources', 'intervention'],
    {
      title: 'title',
      leadPartner: 'lead partner',
      supportingPartners: 'supporting partners',
      startsOn: 'start date',
      dueOn: 'due date',
      resources: 'resources',
      intervention: 'intervention',
    },
    `Action ${b.reference}`,
  );
const compareMeasure = (a: PlanMeasure, b: PlanMeasure) =>
  fieldChanges(
    a,
    b,
    ['indicator', 'baseline', 'target', 'source', 'frequency'],
    { indicator: 'indicator', baseline: 'baseline', target: 'target', source: 'source', frequency: 'frequency' },
    `Measure ${q(b.indicator)}`,
  );

function comparePriority(a: PlanPriority, b: PlanPriority): Change[] {
  const where = ` (priority ${q(b.title)})`;
  return [
    ...fieldChanges(
      { ...a, pcc: a.pccPriorities.map((p) => p.title) },
      { ...b, pcc: b.pccPriorities.map((p) => p.title) },
      ['title', 'rationale', 'dimensions', 'pcc'],
      { title: 'title', rationale: 'rationale', dimensions: 'dimensions', pcc: 'PCC priorities' },
      `Priority ${q(a.title)}`,
    ),
    ...listChanges(
      a.evidence,
      b.evidence,
      (e) => `Evidence ${q(e.label)}`,
      () => [],
      where,
    ),
    ...listChanges(a.actions, b.actions, actionName, compareAction, where),
    ...listChanges(a.measures, b.measures, (m) => `Measure ${q(m.indicator)}`, compareMeasure, where),
    ...listChanges(
      a.impacts,
      b.impacts,
      (i) => `Health inequalities impact on ${i.groupLabel}`,
      (x, y) =>
        fieldChanges(
          x,
          y,
          ['impact', 'evidence', 'mitigation'],
          { impact: 'impact', evidence: 'evidence', mitigation: 'mitigation' },
          `Impact on ${y.groupLabel}`,
        ),
      where,
    ),
  ];
}

export function versionDiff(before: PlanContent, after: PlanContent): Change[] {
  const themeOf = new Map(after.themes.map((t) => [t.id, t.title]));
  const changes: Change[] = fieldChanges(
    before,
    after,
    ['title', 'startsOn', 'endsOn'],
    { title: 'title', startsOn: 'start', endsOn: 'end' },
    'Plan',
  );
  changes.push(
    ...listChanges(
      before.themes,
      after.themes,
      (t) => `Theme ${q(t.title)}`,
      (a, b) => fieldChanges(a, b, ['title', 'summary'], { title: 'title', summary: 'summary' }, `Theme ${q(a.title)}`),
      '',
    ),
  );
  const priorities = (c: PlanContent) => c.themes.flatMap((t) => t.priorities);
  changes.push(
    ...listChanges(
      priorities(before),
      priorities(after),
      (p) => `Priority ${q(p.title)}`,
      (a, b) => [
        ...(a.themeId !== b.themeId
          ? [{ kind: 'changed' as const, text: `Priority ${q(b.title)} moved to ${q(themeOf.get(b.themeId) ?? '')}` }]
          : []),
        ...comparePriority(a, b),
      ],
      '',
    ),
  );
  return changes;
}
