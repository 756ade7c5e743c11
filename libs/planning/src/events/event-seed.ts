import { EntityManager } from 'typeorm';
import { SeedResult, seedRows } from '@app/database';
import { Event } from './event.entity';
import { changesCalendar } from './event-rules';

/** An event of seed data, as stored, with the stable id it is kept under; parts come after their event. */
export type EventSeed = Pick<
  Event,
  | 'id'
  | 'kind'
  | 'title'
  | 'description'
  | 'startsAt'
  | 'endsAt'
  | 'startZone'
  | 'endZone'
  | 'allDay'
  | 'venueName'
  | 'venueAddress'
  | 'venueLatitude'
  | 'venueLongitude'
  | 'onlineUrl'
  | 'hostOrganisationId'
  | 'partnershipId'
  | 'status'
  | 'visibility'
  | 'capacity'
  | 'tags'
  | 'parentId'
> &
  Partial<Pick<Event, 'originalLanguage' | 'translations' | 'venueNotes'>> & {
    coHostOrganisationIds: string[];
  };

/**
 * Writes seed events and their co-hosts in the caller's transaction. Seed data is not a change
 * anyone made: no audit entry, and no listener hears of it (invitees get no update email). But
 * calendars that subscribed to the seed must see an updated event as a new version, so a change
 * a calendar shows raises the sequence as it does through the API.
 */
export function seedEvents(manager: EntityManager, seeds: EventSeed[]): Promise<SeedResult[]> {
  return seedRows(
    manager,
    Event,
    seeds.map(({ id, coHostOrganisationIds, ...event }) => ({
      id,
      values: { ...event, coHosts: coHostOrganisationIds.map((organisationId) => ({ id: organisationId })) },
    })),
    {
      relations: { coHosts: true },
      beforeUpdate: (event, changed) => {
        if (changesCalendar(changed)) event.sequence += 1;
      },
    },
  );
}
