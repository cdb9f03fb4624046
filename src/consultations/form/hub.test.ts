import { describe, expect, it } from 'vitest';
import type { Consultation } from '../queries/loadConsultation.js';
import { hubEntries } from './hub.js';

const consultation = (over: Partial<Consultation>): Consultation => ({
  id: 'c',
  partnershipId: 'p',
  slug: 'c',
  template: 'crime-survey',
  title: 'Survey',
  summary: '',
  purpose: '',
  legalBasis: '',
  privacyNotice: '',
  audiences: ['public'],
  stage: 'ready',
  status: 'open',
  opensAt: '2024-07-09T23:00:00.000Z',
  closesAt: '2024-10-02T22:59:59.000Z',
  closedAt: null,
  endsAt: '2024-10-02T22:59:59.000Z',
  topics: [],
  resultsVisibility: 'after_close',
  surveyVersion: 1,
  isDemo: false,
  createdAt: '2024-07-01T00:00:00.000Z',
  ...over,
});

const ALL = [
  consultation({ slug: 'crime', title: 'Crime Survey 2024', summary: 'How safe do you feel?', status: 'open', topics: ['asb'] }),
  consultation({
    slug: 'roads',
    title: 'Road safety',
    status: 'closed',
    opensAt: '2024-03-01T00:00:00.000Z',
    closesAt: '2024-06-30T22:59:59.000Z',
    closedAt: '2024-05-20T16:30:00.000Z',
    endsAt: '2024-05-20T16:30:00.000Z',
    topics: ['roads'],
  }),
  consultation({ slug: 'night', title: 'Night-time economy', status: 'scheduled', opensAt: '2025-01-06T12:00:00.000Z', topics: ['asb', 'roads'] }),
  consultation({ slug: 'done', title: 'Older survey', status: 'published', opensAt: '2023-07-09T23:00:00.000Z', endsAt: '2023-10-02T22:59:59.000Z' }),
  consultation({ slug: 'draft', title: 'Crime draft', status: 'draft' }),
];
const none = { q: '', status: '', topic: '' };

describe('the public hub', () => {
  it('says when each was open, "Opened" and "Closed" once closed (the time it was closed early, if it was)', () => {
    const { open, forthcoming, closed, found, filtered } = hubEntries('cv', ALL, none);
    expect(open.map((e) => e.when)).toEqual(['Open until 2 October 2024 at 11:59pm']);
    expect(forthcoming.map((e) => e.when)).toEqual(['Opens 6 January 2025 at 12pm']);
    expect(closed.map((e) => [e.href, e.when, e.note])).toEqual([
      ['/p/cv/roads', 'Opened 1 March 2024. Closed 20 May 2024', 'We are analysing the responses. Results will be published here.'],
      ['/p/cv/done', 'Opened 10 July 2023. Closed 2 October 2023', 'Results published: what people said and what the partnership is doing about it.'],
    ]);
    expect([found, filtered]).toEqual([4, false]);
  });

  it('searches titles and summaries for every word, ignoring case, and never shows drafts', () => {
    const titles = (q: string) => {
      const e = hubEntries('cv', ALL, { ...none, q });
      return [...e.open, ...e.forthcoming, ...e.closed].map((x) => x.title);
    };
    expect(titles('crime')).toEqual(['Crime Survey 2024']);
    expect(titles('SAFE feel')).toEqual(['Crime Survey 2024']);
    expect(titles('safety road')).toEqual(['Road safety']);
    expect(titles('nothing like this')).toEqual([]);
    expect(hubEntries('cv', ALL, { ...none, q: 'crime' })).toMatchObject({ found: 1, filtered: true });
  });

  it('filters by status group and by topic; an unknown status filters nothing', () => {
    const slugs = (filter: Partial<typeof none>) => {
      const e = hubEntries('cv', ALL, { ...none, ...filter });
      return [...e.open, ...e.forthcoming, ...e.closed].map((x) => x.href.split('/').at(-1));
    };
    expect(slugs({ status: 'closed' })).toEqual(['roads', 'done']);
    expect(slugs({ status: 'forthcoming' })).toEqual(['night']);
    expect(slugs({ status: 'open', topic: 'asb' })).toEqual(['crime']);
    expect(slugs({ topic: 'roads' })).toEqual(['night', 'roads']);
    expect(slugs({ status: 'draft' })).toEqual(['crime', 'night', 'roads', 'done']);
  });
});
