import { describe, expect, it } from 'vitest';
import type { EvidenceLink } from '../planContent.js';
import type { EvidenceItem } from './evidenceItems.js';
import { resolveLink } from './resolveEvidence.js';

const link: EvidenceLink = {
  id: 'e1',
  kind: 'survey',
  ref: { consultation: 'c1', code: 'concern:fly_tipping' },
  label: 'Name fly-tipping among their top concerns',
  linkedValue: '56.7% (n = 646)',
  linkedAt: '2025-01-10T09:00:00.000Z',
};
const item = (value: string): EvidenceItem => ({
  kind: 'survey',
  ref: link.ref,
  label: link.label,
  value,
  source: 'Crime Survey',
  href: '/x',
  group: 'Crime Survey',
});
const day = (iso: string) => iso.slice(0, 10);

describe('resolveLink', () => {
  it('is current when the item still gives the value it was linked with', () => {
    expect(resolveLink(link, item('56.7% (n = 646)'), day)).toEqual({
      link,
      status: 'current',
      item: item('56.7% (n = 646)'),
      statusText: '56.7% (n = 646)',
    });
  });

  it('is changed, with both values, when the figure moved', () => {
    expect(resolveLink(link, item('58.1% (n = 700)'), day)).toMatchObject({
      status: 'changed',
      statusText: 'Changed since it was linked on 2025-01-10: now 58.1% (n = 700), was 56.7% (n = 646).',
    });
  });

  it('is no longer available, showing no figure as current, when the item is gone', () => {
    expect(resolveLink(link, undefined, day)).toEqual({
      link,
      status: 'missing',
      item: null,
      statusText: 'No longer available: it was 56.7% (n = 646) when linked on 2025-01-10; it has been deleted, withdrawn or is not published now.',
    });
  });
});
