import { AuditError } from './audit.error';

/** Who reads the trail: an API key's organisation and role (later a signed-in person's). */
export interface AuditReader {
  organisationId: string;
  role: 'admin' | 'organiser' | 'viewer';
}

/**
 * The organisation whose entries the reader gets, or null for all of them. Admins read everything,
 * or one organisation's entries if they ask. Organisers read what concerns their own organisation.
 * Viewer keys read nothing: they are handed to screens and integrations that show the programme,
 * while the trail says who in the organisation changed what and whom it concerned.
 */
export function readableOrganisation(reader: AuditReader, requested: string | undefined): string | null {
  if (reader.role === 'admin') return requested ?? null;
  if (reader.role === 'viewer') {
    throw AuditError.forbidden('Viewer keys may not read the audit trail; use an organiser or admin key.');
  }
  if (requested !== undefined && requested !== reader.organisationId) {
    throw AuditError.forbidden('Your organisation may read only the audit entries that concern it.');
  }
  return reader.organisationId;
}
