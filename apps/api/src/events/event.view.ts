import { describeTime, Event, EventTree, LocalTime, Page } from '@app/planning';

export interface EventView {
  id: string;
  kind: Event['kind'];
  title: string;
  description: string;
  start: LocalTime;
  end: LocalTime;
  allDay: boolean;
  venue: {
    name: string | null;
    address: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  onlineUrl: string | null;
  hostOrganisationId: string;
  coHostOrganisationIds: string[];
  partnershipId: string | null;
  status: Event['status'];
  visibility: Event['visibility'];
  capacity: number | null;
  tags: string[];
  parentId: string | null;
  reminderOffsetsMinutes: number[];
  sequence: number;
  createdAt: string;
  updatedAt: string;
  children?: EventView[];
}

/** The API's shape of an event: each end as instant plus wall time in its own zone. */
export function toEventView(event: Event | EventTree): EventView {
  const hasVenue = event.venueName || event.venueAddress || event.venueLatitude != null;
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    description: event.description,
    start: describeTime(event.startsAt, event.startZone, event.allDay),
    end: describeTime(event.endsAt, event.endZone, event.allDay, true),
    allDay: event.allDay,
    venue: hasVenue
      ? {
          name: event.venueName,
          address: event.venueAddress,
          latitude: event.venueLatitude,
          longitude: event.venueLongitude,
        }
      : null,
    onlineUrl: event.onlineUrl,
    hostOrganisationId: event.hostOrganisationId,
    coHostOrganisationIds: event.coHostIds ?? [],
    partnershipId: event.partnershipId,
    status: event.status,
    visibility: event.visibility,
    capacity: event.capacity,
    tags: event.tags,
    parentId: event.parentId,
    reminderOffsetsMinutes: event.reminderOffsets,
    sequence: event.sequence,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    ...('children' in event && Array.isArray(event.children)
      ? { children: event.children.map(toEventView) }
      : {}),
  };
}

export function toEventPage(page: Page<Event>): Page<EventView> {
  return { items: page.items.map(toEventView), nextCursor: page.nextCursor };
}
