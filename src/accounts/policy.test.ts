import { describe, expect, it } from 'vitest';
import type { Consultation } from '../consultations/index.js';
import type { AppError } from '../platform/errors.js';
import { authorize, can, type Principal } from './policy.js';

const user = (role: Principal['role'], partnershipIds = ['p1']): Principal => ({ id: 'u', email: 'u@x.org', name: '', role, partnershipIds });

describe('policy', () => {
  it('lets admins manage users only within their partnerships', () => {
    expect(can(user('admin'), 'user:manage')).toBe(true);
    expect(can(user('admin'), 'partnership:view', 'p1')).toBe(true);
    expect(can(user('admin'), 'partnership:view', 'p2')).toBe(false);
  });

  it('lets admins and analysts manage stakeholders and workshops in their partnership, and every staff role read workshops', () => {
    for (const role of ['admin', 'analyst'] as const) {
      expect(can(user(role), 'engagement:manage', 'p1')).toBe(true);
      expect(can(user(role), 'engagement:manage', 'p2')).toBe(false);
    }
    for (const role of ['partner', 'member', 'viewer'] as const) expect(can(user(role), 'engagement:manage', 'p1')).toBe(false);
    for (const role of ['admin', 'analyst', 'partner', 'member', 'viewer'] as const) {
      expect(can(user(role), 'workshops:view', 'p1')).toBe(true);
      expect(can(user(role), 'workshops:view', 'p2')).toBe(false);
    }
  });

  it('gives other roles no administration', () => {
    for (const role of ['analyst', 'partner', 'member', 'viewer'] as const) {
      expect(can(user(role), 'user:manage')).toBe(false);
      expect(can(user(role), 'audit:view')).toBe(false);
      expect(can(user(role), 'staff:home')).toBe(true);
    }
  });

  it("lets only admins read residents' text as typed, in their own partnerships", () => {
    expect(can(user('admin'), 'responses:read-originals', 'p1')).toBe(true);
    expect(can(user('admin'), 'responses:read-originals', 'p2')).toBe(false);
    for (const role of ['analyst', 'partner', 'member', 'viewer'] as const) expect(can(user(role), 'responses:read-originals', 'p1')).toBe(false);
  });

  it('throws unauthenticated without a user and forbidden without the grant', () => {
    expect(() => authorize(undefined, 'staff:home')).toThrow(expect.objectContaining({ code: 'unauthenticated', status: 401 }));
    const err = (() => {
      try {
        authorize(user('viewer'), 'audit:view');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.code).toBe('forbidden');
    expect(err?.status).toBe(403);
  });
});

const consultation = (over: Partial<Consultation>): Consultation => ({
  id: 'c1',
  partnershipId: 'p1',
  slug: 'survey',
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

describe('policy on a consultation', () => {
  it('lets only an admin of its partnership reopen it, and only once closed and before results are published', () => {
    for (const status of ['closed', 'analysed'] as const) {
      expect(can(user('admin'), 'consultation:reopen-now', consultation({ status }))).toBe(true);
      expect(can(user('admin', ['p2']), 'consultation:reopen-now', consultation({ status }))).toBe(false);
      for (const role of ['analyst', 'partner', 'member', 'viewer'] as const)
        expect(can(user(role), 'consultation:reopen-now', consultation({ status }))).toBe(false);
    }
    for (const status of ['draft', 'scheduled', 'open', 'published'] as const)
      expect(can(user('admin'), 'consultation:reopen-now', consultation({ status }))).toBe(false);
    expect(can(undefined, 'consultation:reopen-now', consultation({ status: 'closed' }))).toBe(false);
  });

  it('shows admins and analysts of its partnership the results at any time', () => {
    const open = consultation({ status: 'open', resultsVisibility: 'after_publish' });
    expect(can(user('admin'), 'results:view', open)).toBe(true);
    expect(can(user('analyst'), 'results:view', open)).toBe(true);
    expect(can(user('analyst', ['p2']), 'results:view', open)).toBe(false);
  });

  it('shows other staff the results once closed, or once published when so configured; everyone once published', () => {
    expect(can(user('partner'), 'results:view', consultation({ status: 'open' }))).toBe(false);
    expect(can(user('partner'), 'results:view', consultation({ status: 'closed' }))).toBe(true);
    expect(can(user('viewer'), 'results:view', consultation({ status: 'analysed' }))).toBe(true);
    expect(can(user('partner'), 'results:view', consultation({ status: 'closed', resultsVisibility: 'after_publish' }))).toBe(false);
    expect(can(undefined, 'results:view', consultation({ status: 'closed' }))).toBe(false);
    expect(can(undefined, 'results:view', consultation({ status: 'published', resultsVisibility: 'after_publish' }))).toBe(true);
  });

  it("lets anyone answer a public survey, and only its partnership's members and admins a members' survey", () => {
    const members = consultation({ audiences: ['members'] });
    expect(can(undefined, 'survey:respond', consultation({}))).toBe(true);
    expect(can(undefined, 'survey:respond', members)).toBe(false);
    expect(can(user('member'), 'survey:respond', members)).toBe(true);
    expect(can(user('admin'), 'survey:respond', members)).toBe(true);
    expect(can(user('analyst'), 'survey:respond', members)).toBe(false);
    expect(can(user('member', ['p2']), 'survey:respond', members)).toBe(false);
  });

  it('offers the stage changes that follow from the status, to those who manage consultations', () => {
    const offered = (who: Principal, status: Consultation['status']) =>
      (['schedule', 'open', 'close', 'mark-analysed', 'publish'] as const).filter((a) =>
        can(who, `consultation:stage:${a}`, consultation({ status })),
      );
    expect(offered(user('analyst'), 'draft')).toEqual(['schedule', 'open']);
    expect(offered(user('analyst'), 'scheduled')).toEqual(['open']);
    expect(offered(user('admin'), 'open')).toEqual(['close']);
    expect(offered(user('admin'), 'closed')).toEqual(['mark-analysed', 'publish']);
    expect(offered(user('admin'), 'analysed')).toEqual(['publish']);
    expect(offered(user('admin'), 'published')).toEqual([]);
    expect(offered(user('partner'), 'draft')).toEqual([]);
    expect(offered(user('admin', ['p2']), 'draft')).toEqual([]);
  });
});

describe('policy: theme coding', () => {
  it('lets admins and analysts of the partnership code free text, and no other role', () => {
    expect(can(user('admin'), 'coding:code', 'p1')).toBe(true);
    expect(can(user('analyst'), 'coding:code', 'p1')).toBe(true);
    expect(can(user('analyst'), 'coding:code', 'p2')).toBe(false);
    for (const role of ['partner', 'member', 'viewer'] as const) expect(can(user(role), 'coding:code', 'p1')).toBe(false);
  });
});
