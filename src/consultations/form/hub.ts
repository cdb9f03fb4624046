/** The public hub's lists: open, forthcoming and closed consultations (drafts never shown). */
import { formatLondon } from '../../platform/londonTime.js';
import type { Consultation } from '../queries/loadConsultation.js';

export interface HubEntry {
  title: string;
  summary: string;
  href: string;
  when: string;
  forMembers: boolean;
  note?: string;
}

function entry(partnershipSlug: string, c: Consultation): HubEntry {
  const base = { title: c.title, summary: c.summary, href: `/p/${partnershipSlug}/${c.slug}`, forMembers: !c.audiences.includes('public') };
  switch (c.status) {
    case 'open':
      return { ...base, when: `Open until ${formatLondon(c.closesAt)}` };
    case 'scheduled':
      return { ...base, when: `Opens on ${formatLondon(c.opensAt)}` };
    case 'published':
      return { ...base, when: `Closed on ${formatLondon(c.closesAt, 'date')}`, note: 'Results published. Results will be published here.' };
    default:
      return {
        ...base,
        when: `Closed on ${formatLondon(c.closesAt, 'date')}`,
        note: 'We are analysing the responses. Results will be published here.',
      };
  }
}

export function hubEntries(partnershipSlug: string, consultations: readonly Consultation[]) {
  const shown = consultations.filter((c) => c.status !== 'draft');
  const by = (statuses: string[]) => shown.filter((c) => statuses.includes(c.status)).map((c) => entry(partnershipSlug, c));
  return {
    open: by(['open']),
    forthcoming: by(['scheduled']).reverse(),
    closed: by(['closed', 'analysed', 'published']),
  };
}
