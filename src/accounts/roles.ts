export const ROLES = ['admin', 'analyst', 'partner', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

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
