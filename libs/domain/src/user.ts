/** Who may do what; enforced on the server, shown in the app. */
export const ROLES = ['agent', 'volunteer', 'manager', 'oncall', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may act on any mention whoever holds it (release, reassign, close). */
export const SUPERVISOR_ROLES: readonly Role[] = ['manager', 'admin'];

export function isSupervisor(role: Role): boolean {
  return SUPERVISOR_ROLES.includes(role);
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}
