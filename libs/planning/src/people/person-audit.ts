import { AuditAction, AuditDetails, AuditRecord, FieldChange, FieldValues } from '@app/audit';
import { Actor } from '../shared/actor';
import { Person } from './person.entity';

/** Fields whose values the trail never keeps, only that they changed: a person's contact data. */
export const PERSONAL_FIELDS = ['name', 'email', 'department'] as const;

export function personFields(person: Person): FieldValues {
  return {
    name: person.name,
    email: person.email,
    department: person.department,
    organisationId: person.organisationId,
    locale: person.locale,
    timeZone: person.timeZone,
  };
}

/** An entry about a person, for their organisation (and the one they left, if they moved). */
export function personRecord(
  actor: Actor,
  action: AuditAction,
  person: Pick<Person, 'id' | 'organisationId'>,
  entry: { changes?: FieldChange[]; details?: AuditDetails; formerOrganisationId?: string | null } = {},
): AuditRecord {
  return {
    actor: actor.who,
    action,
    recordType: 'person',
    recordId: person.id,
    organisationIds: [person.organisationId, entry.formerOrganisationId].filter((id): id is string => !!id),
    changes: entry.changes,
    details: entry.details,
    // After an erasure nothing may lead back to the person: its own entry names them by id only.
    subjectPersonId: action === 'person.erased' ? null : person.id,
  };
}
