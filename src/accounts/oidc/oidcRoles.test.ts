import { describe, expect, it } from 'vitest';
import { checkedRoleMap, mappedRole } from './oidcRoles.js';

describe('the provider roles to SaferPlan roles', () => {
  const roleMap = checkedRoleMap({
    roleMap: new Map([
      ['SaferPlan.Viewer', 'viewer'],
      ['SaferPlan.Admin', 'admin'],
      ['SaferPlan.Analyst', 'analyst'],
    ]),
  });

  it('gives the most privileged mapped role, from a list or one text', () => {
    expect(mappedRole(['SaferPlan.Viewer', 'Other', 'SaferPlan.Analyst'], roleMap)).toBe('analyst');
    expect(mappedRole('SaferPlan.Admin', roleMap)).toBe('admin');
  });

  it('gives none when no role is mapped or the claim is not text', () => {
    expect(mappedRole(['Other'], roleMap)).toBeUndefined();
    expect(mappedRole(undefined, roleMap)).toBeUndefined();
    expect(mappedRole({ 'SaferPlan.Admin': true }, roleMap)).toBeUndefined();
    expect(mappedRole([1, null], roleMap)).toBeUndefined();
  });

  it('refuses a map naming a role SaferPlan does not have', () => {
    expect(() => checkedRoleMap({ roleMap: new Map([['X', 'superuser']]) })).toThrow(/OIDC_ROLE_MAP: "superuser" \(for X\) must be one of/);
  });
});
