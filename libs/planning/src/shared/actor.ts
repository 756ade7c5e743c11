import { AuditActor } from '@app/audit';

export const ROLES = ['admin', 'organiser', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting through the organiser API: an API key's organisation and role. */
export interface Actor {
  organisationId: string;
  role: Role;
  /** How changes made by this actor are attributed in the audit trail (the key, by id and name). */
  who: AuditActor;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}
