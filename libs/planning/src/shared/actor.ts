export const ROLES = ['admin', 'organiser', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting through the organiser API: an API key's organisation and role. */
export interface Actor {
  organisationId: string;
  role: Role;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
