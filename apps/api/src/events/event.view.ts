import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  describeTime,
  Event,
  EVENT_KINDS,
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  EventPresenter,
  EventTexts,
  EventTree,
  LocalTime,
  LOCALES,
  Locale,
  missingTranslations,
  Page,
} from '@app/planning';
import { PageOf } from '../http/page.dto';

export class LocalTimeView implements LocalTime {
  @ApiProperty({
    format: 'date-time',
    example: '2026-09-20T07:30:00.000Z',
    description: 'The instant, in UTC.',
  })
  instant: string;

  @ApiProperty({
    example: '2026-09-20T09:30',
    description: 'Wall-clock time in `zone`, without offset; a date only for all-day events.',
  })
  local: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone.' })
  zone: string;

  @ApiProperty({ example: '+02:00', description: "The zone's UTC offset at that instant." })
  offset: string;
}

export class VenueView {
  @ApiProperty({ type: String, nullable: true })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: Number, nullable: true })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude: number | null;

  @ApiProperty({ description: 'How to find the place once there, in the original language; may be empty.' })
  notes: string;
}

export class EventTextsView implements EventTexts {
  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'May be empty.' })
  description: string;

  @ApiProperty({ description: 'May be empty.' })
  venueNotes: string;
}

export class EventTranslationsView implements Partial<Record<Locale, EventTextsView>> {
  @ApiPropertyOptional({ type: EventTextsView })
  de?: EventTextsView;

  @ApiPropertyOptional({ type: EventTextsView })
  en?: EventTextsView;

  @ApiPropertyOptional({ type: EventTextsView })
  sw?: EventTextsView;
}

export class EventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind: Event['kind'];

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({
    enum: LOCALES,
    description: 'The language title, description and venue notes are written in.',
  })
  originalLanguage: Locale;

  @ApiProperty({
    type: EventTranslationsView,
    description: 'Title, description and venue notes in other languages, by language.',
  })
  translations: EventTranslationsView;

  @ApiProperty({
    enum: LOCALES,
    isArray: true,
    description:
      'Languages whose readers see some text in the original language: there is no translation, or it lacks a text the original has.',
  })
  missingTranslations: Locale[];

  @ApiProperty({ type: LocalTimeView })
  start: LocalTime;

  @ApiProperty({ type: LocalTimeView, description: 'For all-day events `local` is the last day.' })
  end: LocalTime;

  @ApiProperty()
  allDay: boolean;

  @ApiProperty({ type: VenueView, nullable: true })
  venue: VenueView | null;

  @ApiProperty({ type: String, nullable: true })
  onlineUrl: string | null;

  @ApiProperty({ format: 'uuid' })
  hostOrganisationId: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  coHostOrganisationIds: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partnershipId: string | null;

  @ApiProperty({ enum: EVENT_STATUSES })
  status: Event['status'];

  @ApiProperty({ enum: EVENT_VISIBILITIES })
  visibility: Event['visibility'];

  @ApiProperty({ type: Number, nullable: true })
  capacity: number | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ type: [Number] })
  reminderOffsetsMinutes: number[];

  @ApiProperty({ description: 'Raised by every change a calendar shows (iCalendar SEQUENCE).' })
  sequence: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiPropertyOptional({
    type: () => [EventView],
    description: 'The parts of the event at any depth; only in the answer about one event.',
  })
  children?: EventView[];
}

export class EventPage extends PageOf(EventView) {}

/** The API's shape of an event: each end as instant plus wall time in its own zone. */
export function toEventView(event: Event | EventTree): EventView {
  const hasVenue = event.venueName || event.venueAddress || event.venueLatitude != null || event.venueNotes;
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    description: event.description,
    originalLanguage: event.originalLanguage,
    translations: event.translations,
    missingTranslations: missingTranslations(event),
    start: describeTime(event.startsAt, event.startZone, event.allDay),
    end: describeTime(event.endsAt, event.endZone, event.allDay, true),
    allDay: event.allDay,
    venue: hasVenue
      ? {
          name: event.venueName,
          address: event.venueAddress,
          latitude: event.venueLatitude,
          longitude: event.venueLongitude,
          notes: event.venueNotes,
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

/** A list page as answered: its UTF-8 bytes and their ETag (none when the app makes no ETags). */
export interface EventPageBody {
  bytes: Buffer;
  etag?: string;
}

/** Express's ETag maker as the app is set up (its 'etag fn' setting). */
export type EtagOf = (body: Buffer, encoding: BufferEncoding) => string;

/**
 * The bytes and ETag of each list page, made on its first answer and kept as long as the page
 * object lives (EventsService.list returns the same object while nothing changed). Encoding a
 * 45 KB page to UTF-8 and hashing it for Express's ETag took a seventh of a list request's time
 * in a CPU profile of the list benchmark.
 */
export class EventPageBodies {
  private readonly bodies = new WeakMap<Page<string>, EventPageBody>();

  of(page: Page<string>, etagOf: EtagOf | undefined): EventPageBody {
    let body = this.bodies.get(page);
    if (!body) {
      const bytes = Buffer.from(eventPageJson(page));
      body = etagOf ? { bytes, etag: etagOf(bytes, 'utf8') } : { bytes };
      this.bodies.set(page, body);
    }
    return body;
  }
}
