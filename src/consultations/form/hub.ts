/** The public hub's lists: open, forthcoming and closed consultations (drafts never shown), searched and filtered. */
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

/** The hub's status filter: what a resident can tell apart. */
export const HUB_STATUSES = { open: 'Open', forthcoming: 'Forthcoming', closed: 'Closed' } as const;
export type HubStatus = keyof typeof HUB_STATUSES;

/** What the hub's GET form asks for; anything blank or unknown filters nothing. */
export interface HubFilter {
  q: string;
  status: string;
  topic: string;
}

const GROUP: Record<Consultation['status'], HubStatus | undefined> = {
  draft: undefined,
  scheduled: 'forthcoming',
  open: 'open',
  closed: 'closed',
  analysed: 'closed',
  published: 'closed',
};

function entry(partnershipSlug: string, c: Consultation): HubEntry {
  const base = { title: c.title, summary: c.summary, href: `/p/${partnershipSlug}/${c.slug}`, forMembers: !c.audiences.includes('public') };
  switch (c.status) {
    case 'open':
      return { ...base, when: `Open until ${formatLondon(c.endsAt)}` };
    case 'scheduled':
      return { ...base, when: `Opens ${formatLondon(c.opensAt)}` };
    default:
      return {
        ...base,
        when: `Opened ${formatLondon(c.opensAt, 'date')}. Closed ${formatLondon(c.endsAt, 'date')}`,
        note:
          c.status === 'published'
            ? 'Results published: what people said and what the partnership is doing about it.'
            : 'We are analysing the responses. Results will be published here.',
      };
  }
}

/** Every word of the search in its title or summary, ignoring case. */
const matches = (c: Consultation, q: string) => {
  const text = `${c.title} ${c.summary}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
};

/** The consultations the filter keeps, by status group, and whether any filter applied. */
export function hubEntries(partnershipSlug: string, consultations: readonly Consultation[], filter: HubFilter = { q: '', status: '', topic: '' }) {
  const status = Object.hasOwn(HUB_STATUSES, filter.status) ? (filter.status as HubStatus) : undefined;
  const shown = consultations.filter(
    (c) =>
      GROUP[c.status] !== undefined &&
      (!status || GROUP[c.status] === status) &&
      (!filter.topic || c.topics.includes(filter.topic)) &&
      (!filter.q || matches(c, filter.q)),
  );
  const by = (group: HubStatus) => shown.filter((c) => GROUP[c.status] === group).map((c) => entry(partnershipSlug, c));
  return {
    open: by('open'),
    forthcoming: by('forthcoming').reverse(),
    closed: by('closed'),
    found: shown.length,
    filtered: Boolean(filter.q || status || filter.topic),
  };
}
