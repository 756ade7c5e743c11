import {
  ICalAlarmType,
  ICalCalendar,
  ICalEvent,
  ICalEventData,
  ICalEventStatus,
  ICalEventTransparency,
  ICalLocation,
  formatDateTZ,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { CalendarEntryDetails, CalendarEvent } from './calendar-event';
import { parameterText } from './calendar-text';
import { eventUid } from './event-uid';
import { describesZoneIn } from './vtimezones';

const VEVENT_END = 'END:VEVENT\r\n';

/**
 * ical-generator writes DTSTART and DTEND in the one zone of the event, but a flight leaves in
 * Frankfurt and lands in Dar es Salaam, and RFC 5545 gives each property its own TZID. This event
 * lets ical-generator render everything but DTEND, which it renders with ical-generator's own
 * formatDateTZ in the end's zone; property order inside a VEVENT carries no meaning.
 */
export class TwoZoneEvent extends ICalEvent {
  constructor(
    data: ICalEventData,
    calendar: ICalCalendar,
    /** Null when the end is written in UTC. */
    readonly endZone: string | null,
    private readonly endsAt: DateTime,
  ) {
    super({ ...data, end: null }, calendar);
  }

  override toString(): string {
    const rendered = super.toString();
    if (!rendered.endsWith(VEVENT_END)) throw new Error('ical-generator changed how it closes a VEVENT');
    const end = this.endZone
      ? formatDateTZ(this.endZone, 'DTEND', this.endsAt, { timezone: this.endZone })
      : formatDateTZ(null, 'DTEND', this.endsAt.toJSDate());
    return `${rendered.slice(0, -VEVENT_END.length)}${end}\r\n${VEVENT_END}`;
  }
}

/**
 * One event as a VEVENT of the calendar — the mapping shared by feeds and invitation
 * attachments, so that a client sees the same UID, SEQUENCE and times from both. Change time and
 * sequence come from the stored event, never from the clock, so the same data renders to the
 * same bytes.
 */
export function addEventToCalendar(
  calendar: ICalCalendar,
  event: CalendarEvent,
  details: CalendarEntryDetails = {},
): ICalEvent {
  return calendar.createEvent(createEventEntry(calendar, event, details));
}

/**
 * The VEVENT of `addEventToCalendar` without adding it to the calendar, which only lends it its
 * settings: feeds render entries one by one and keep each entry's text.
 */
export function createEventEntry(
  calendar: ICalCalendar,
  event: CalendarEvent,
  details: CalendarEntryDetails = {},
): ICalEvent {
  const data: Omit<ICalEventData, 'start'> = {
    id: eventUid(event.id),
    sequence: event.sequence,
    stamp: event.updatedAt,
    lastModified: event.updatedAt,
    created: event.createdAt,
    summary: event.title,
    description: describe(event),
    location: locate(event),
    url: details.url ?? null,
    categories: event.tags.map((tag) => ({ name: tag })),
    status: statusOf(event, details),
    transparency: event.kind === 'accommodation' ? ICalEventTransparency.TRANSPARENT : null,
    organizer: details.organizer
      ? { name: parameterText(details.organizer.name), email: details.organizer.email }
      : null,
    alarms: (details.reminderOffsetsMinutes ?? []).map((minutes) => ({
      type: ICalAlarmType.display,
      trigger: minutes * 60,
    })),
  };
  if (event.allDay) {
    return new ICalEvent(
      {
        ...data,
        allDay: true,
        start: DateTime.fromJSDate(event.startsAt, { zone: event.startZone }),
        end: DateTime.fromJSDate(event.endsAt, { zone: event.endZone }),
      },
      calendar,
    );
  }
  const { startZone, endZone } = timedZones(event);
  const start = DateTime.fromJSDate(event.startsAt, { zone: startZone ?? 'utc' });
  const end = DateTime.fromJSDate(event.endsAt, { zone: endZone ?? 'utc' });
  if (!startZone || startZone === endZone) {
    return new ICalEvent({ ...data, timezone: startZone, start, end }, calendar);
  }
  return new TwoZoneEvent({ ...data, timezone: startZone, start }, calendar, endZone, end);
}

/**
 * The zones DTSTART and DTEND of a timed event are written in; null writes UTC, for zones whose
 * VTIMEZONE would tell other offsets than the IANA data (see `describesZoneIn`).
 */
export function timedZones(event: CalendarEvent): { startZone: string | null; endZone: string | null } {
  const span = [event.startsAt, event.endsAt];
  return {
    startZone: describesZoneIn(event.startZone, span) ? event.startZone : null,
    endZone: describesZoneIn(event.endZone, span) ? event.endZone : null,
  };
}

export function statusOf(event: CalendarEvent, details: CalendarEntryDetails): ICalEventStatus {
  if (event.status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (event.status === 'draft' || details.tentative) return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

export function describe(event: CalendarEvent): string | null {
  const parts = [event.description.trim(), event.onlineUrl ? `Online: ${event.onlineUrl}` : ''];
  const text = parts.filter((part) => part.length > 0).join('\n\n');
  return text.length > 0 ? text : null;
}

export function locate(event: CalendarEvent): ICalLocation | string | null {
  const geo =
    event.venueLatitude != null && event.venueLongitude != null
      ? { lat: event.venueLatitude, lon: event.venueLongitude }
      : undefined;
  const title = event.venueName ?? event.venueAddress;
  if (title) {
    const address = event.venueName && event.venueAddress ? event.venueAddress : undefined;
    return { title, ...(address ? { address } : {}), ...(geo ? { geo } : {}) };
  }
  if (geo) return { geo };
  return event.onlineUrl;
}
