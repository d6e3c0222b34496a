/** Who may do what; enforced on the server, shown in the app. */
export const ROLES = ['agent', 'volunteer', 'manager', 'oncall', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}
