import { AuditAction, AuditDetails, AuditRecord, changedFields, FieldChange, FieldValues } from '@app/audit';
import { Actor } from '../shared/actor';
import { Event } from './event.entity';
import { EventStatus } from './event-kind';
import { translationFields } from './event-translations';

/** The fields of an event the trail compares; sets sorted, so that only real changes show. */
export function eventFields(event: Event, coHostIds: readonly string[] = event.coHostIds): FieldValues {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    originalLanguage: event.originalLanguage,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    startZone: event.startZone,
    endZone: event.endZone,
    allDay: event.allDay,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueNotes: event.venueNotes,
    venueLatitude: event.venueLatitude,
    venueLongitude: event.venueLongitude,
    onlineUrl: event.onlineUrl,
    hostOrganisationId: event.hostOrganisationId,
    coHostOrganisationIds: [...coHostIds].sort(),
    partnershipId: event.partnershipId,
    parentId: event.parentId,
    status: event.status,
    visibility: event.visibility,
    capacity: event.capacity,
    tags: [...event.tags].sort(),
    reminderOffsetsMinutes: [...event.reminderOffsets],
    ...translationFields(event.translations),
  };
}

/**
 * The action an update is recorded as: a cancellation or its undoing says more than any other
 * change made with it, and new times more than other fields; the changes list all of them.
 */
export function eventChangeAction(
  before: EventStatus,
  after: EventStatus,
  changes: FieldChange[],
): AuditAction {
  if (before !== 'cancelled' && after === 'cancelled') return 'event.cancelled';
  if (before === 'cancelled' && after !== 'cancelled') return 'event.uncancelled';
  if (changes.some((change) => change.field === 'startsAt' || change.field === 'endsAt'))
    return 'event.moved';
  return 'event.updated';
}

/** An entry about an event, for its host and co-hosts (before and after the change). */
export function eventRecord(
  actor: Actor,
  action: AuditAction,
  event: Event,
  entry: { changes: FieldChange[]; details?: AuditDetails; organisationIds?: string[] },
): AuditRecord {
  return {
    actor: actor.who,
    action,
    recordType: 'event',
    recordId: event.id,
    organisationIds: [event.hostOrganisationId, ...event.coHostIds, ...(entry.organisationIds ?? [])],
    changes: entry.changes,
    details: entry.details,
  };
}

/** The entry of a new event: every field, from nothing. */
export function eventCreated(actor: Actor, event: Event): AuditRecord {
  return eventRecord(actor, 'event.created', event, { changes: changedFields({}, eventFields(event)) });
}
