import { describe, expect, it } from 'vitest';
import type { PlanVersion } from '../../plan/index.js';
import { planStatusText } from './currentPlan.js';

const version = (number: number, status: PlanVersion['status'], decided: Partial<PlanVersion> = {}): PlanVersion => ({
  number,
  status,
  decidedOn: null,
  decidedBy: '',
  createdAt: '2025-01-01T10:00:00.000Z',
  createdBy: 'cli:test',
  ...decided,
});

describe('planStatusText', () => {
  it('says where the plan stands from its versions, newest first', () => {
    expect(planStatusText([])).toBe('Draft');
    expect(planStatusText([version(1, 'consultation')])).toBe('Out for consultation (version 1)');
    expect(planStatusText([version(2, 'approved', { decidedOn: '2025-03-18', decidedBy: 'Cabinet' }), version(1, 'consultation')])).toBe(
      'Approved by Cabinet on 18 March 2025 (version 2)',
    );
    expect(planStatusText([version(3, 'draft'), version(2, 'approved', { decidedOn: '2025-03-18', decidedBy: 'Cabinet' })])).toBe(
      'Draft (version 3); version 2 was approved by Cabinet on 18 March 2025',
    );
  });
});
