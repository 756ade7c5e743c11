import { describeTime, Event, EventPresenter, EventTree, LocalTime, Page } from '@app/planning';

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

/** Events kept as the list's JSON, at most this many; the oldest entry leaves first. */
const LIST_JSON_CAPACITY = 5_000;

/**
 * Each event's JSON in lists, kept under its version: serialising fifty events with their wall
 * times took most of a list request's time, while most events of a list do not change between
 * two requests. One per API process; a changed event has a new version and is serialised anew.
 */
export class EventListJson implements EventPresenter<string> {
  private readonly entries = new Map<string, { version: string; json: string }>();

  reuse(id: string, version: string): string | undefined {
    const entry = this.entries.get(id);
    return entry?.version === version ? entry.json : undefined;
  }

  present(event: Event, version: string): string {
    const json = JSON.stringify(toEventView(event));
    this.entries.delete(event.id);
    if (this.entries.size >= LIST_JSON_CAPACITY) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(event.id, { version, json });
    return json;
  }
}

/** The JSON of a Page<EventView> from its items' JSON, byte for byte as JSON.stringify writes it. */
export function eventPageJson(page: Page<string>): string {
  return `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`;
}
