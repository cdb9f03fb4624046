import { describe, expect, it } from 'vitest';
import type { AppError } from '../platform/errors.js';
import { authorize, can, type Principal } from './policy.js';

const user = (role: Principal['role'], partnershipIds = ['p1']): Principal => ({ id: 'u', email: 'u@x.org', name: '', role, partnershipIds });

describe('policy', () => {
  it('lets admins manage users only within their partnerships', () => {
    expect(can(user('admin'), 'user:manage')).toBe(true);
    expect(can(user('admin'), 'partnership:view', 'p1')).toBe(true);
    expect(can(user('admin'), 'partnership:view', 'p2')).toBe(false);
  });

  it('gives other roles no administration', () => {
    for (const role of ['analyst', 'partner', 'member', 'viewer'] as const) {
      expect(can(user(role), 'user:manage')).toBe(false);
      expect(can(user(role), 'audit:view')).toBe(false);
      expect(can(user(role), 'staff:home')).toBe(true);
    }
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
