import { describe, expect, it } from 'vitest';
import type { PlanAction, PlanContent, PlanPriority } from '../planContent.js';
import { versionDiff } from './versionDiff.js';

const action = (over: Partial<PlanAction> = {}): PlanAction => ({
  id: 'a1',
  reference: 'A1',
  title: 'Patrols',
  leadPartner: 'Police',
  supportingPartners: '',
  startsOn: '2025-04-01',
  dueOn: '2026-03-31',
  resources: '',
  intervention: null,
  status: 'not_started',
  progress: 0,
  progressNote: '',
  progressAt: null,
  ...over,
});
const priority = (over: Partial<PlanPriority> = {}): PlanPriority => ({
  id: 'p1',
  themeId: 't1',
  title: 'Fly-tipping',
  rationale: 'Top concern',
  dimensions: ['place'],
  pccPriorities: [],
  evidence: [],
  actions: [action()],
  measures: [],
  impacts: [],
  ...over,
});
const plan = (priorities: PlanPriority[], over: Partial<PlanContent> = {}): PlanContent => ({
  id: 'plan',
  title: 'Plan 2025',
  startsOn: '2025-04-01',
  endsOn: '2028-03-31',
  consultationId: null,
  themes: [
    { id: 't1', title: 'Place', summary: '', priorities: priorities.filter((p) => p.themeId === 't1') },
    { id: 't2', title: 'Victims', summary: '', priorities: priorities.filter((p) => p.themeId === 't2') },
  ],
  ...over,
});

describe('versionDiff', () => {
  it('says nothing changed between the same content', () => {
    expect(versionDiff(plan([priority()]), plan([priority()]))).toEqual([]);
  });

  it('lists additions, removals and changed fields in words', () => {
    const before = plan([priority(), priority({ id: 'p2', title: 'Old priority', actions: [] })]);
    const after = plan(
      [
        priority({
          rationale: 'Residents’ first concern',
          dimensions: ['place', 'victim'],
          actions: [action({ dueOn: '2026-06-30' }), action({ id: 'a2', reference: 'A2', title: 'Cameras' })],
        }),
        priority({ id: 'p3', themeId: 't2', title: 'Victim support', actions: [] }),
      ],
      { endsOn: '2029-03-31' },
    );
    expect(versionDiff(before, after)).toEqual([
      { kind: 'changed', text: 'Plan: end 2028-03-31 → 2029-03-31' },
      { kind: 'added', text: 'Priority “Victim support” added' },
      { kind: 'removed', text: 'Priority “Old priority” removed' },
      { kind: 'changed', text: 'Priority “Fly-tipping”: rationale Top concern → Residents’ first concern' },
      { kind: 'changed', text: 'Priority “Fly-tipping”: dimensions place → place, victim' },
      { kind: 'added', text: 'Action A2 “Cameras” added (priority “Fly-tipping”)' },
      { kind: 'changed', text: 'Action A1: due date 2026-03-31 → 2026-06-30' },
    ]);
  });

  it('notices a priority moved to another theme and ignores delivery progress', () => {
    const after = plan([priority({ themeId: 't2', actions: [action({ status: 'complete', progress: 100 })] })]);
    expect(versionDiff(plan([priority()]), after)).toEqual([{ kind: 'changed', text: 'Priority “Fly-tipping” moved to “Victims”' }]);
  });
});
