export const ROLES = ['admin', 'analyst', 'partner', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** ROLES runs from the most to the least privileged. */
export const LEAST_PRIVILEGED_ROLE: Role = 'viewer';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  analyst: 'Analyst',
  partner: 'Partner',
  member: 'Elected member',
  viewer: 'Viewer',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
