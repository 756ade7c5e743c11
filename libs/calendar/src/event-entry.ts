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
import { entryZones, EntryZones, writtenZones } from './entry-zones';

const VEVENT_END = 'END:VEVENT\r\n';

/**
 * A VEVENT as ical-generator writes it, with each of DTSTART and DTEND in its own zone or in UTC
 * (see writtenZones). ical-generator writes both in the one zone of the event, but a flight
 * leaves in Frankfurt and lands in Dar es Salaam, and RFC 5545 gives each property its own TZID.
 * The event's zone is the start's, else the end's, so that the calendar asks for its VTIMEZONE;
 * a DTSTART to be written in UTC nonetheless is rewritten in place, and a DTEND in another zone
 * is left to this class, which writes it last with ical-generator's own formatDateTZ. Property
 * order inside a VEVENT carries no meaning.
 */
export class CalendarEntry extends ICalEvent {
  constructor(
    data: ICalEventData,
    calendar: ICalCalendar,
    readonly zones: EntryZones,
    /** DTEND written on its own, in its zone or (null) in UTC. */
    private readonly separateEnd: { at: DateTime; zone: string | null } | null = null,
  ) {
    super(separateEnd ? { ...data, end: null } : data, calendar);
  }

  override toString(): string {
    let rendered = super.toString();
    if (!rendered.endsWith(VEVENT_END)) throw new Error('ical-generator changed how it closes a VEVENT');
    const zone = this.timezone();
    if (this.separateEnd && zone && this.zones.endZone === zone) {
      // The start lies in a repeated hour of the end's zone: its wall time would be misread.
      const start = this.start() as DateTime;
      const zoned = `\r\n${formatDateTZ(zone, 'DTSTART', start, { timezone: zone })}\r\n`;
      const [before, after, ...more] = rendered.split(zoned);
      if (after === undefined || more.length) throw new Error('ical-generator changed how it writes DTSTART');
      rendered = `${before}\r\n${formatDateTZ(null, 'DTSTART', start.toJSDate())}\r\n${after}`;
    }
    if (!this.separateEnd) return rendered;
    const { at, zone: endZone } = this.separateEnd;
    const end = endZone
      ? formatDateTZ(endZone, 'DTEND', at, { timezone: endZone })
      : formatDateTZ(null, 'DTEND', at.toJSDate());
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
): CalendarEntry {
  const entry = createEventEntry(calendar, event, details);
  calendar.createEvent(entry);
  return entry;
}

/**
 * The VEVENT of `addEventToCalendar` without adding it to the calendar, which only lends it its
 * settings: feeds render entries one by one and keep each entry's text.
 */
export function createEventEntry(
  calendar: ICalCalendar,
  event: CalendarEvent,
  details: CalendarEntryDetails = {},
): CalendarEntry {
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
    return new CalendarEntry(
      {
        ...data,
        allDay: true,
        start: DateTime.fromJSDate(event.startsAt, { zone: event.startZone }),
        end: DateTime.fromJSDate(event.endsAt, { zone: event.endZone }),
      },
      calendar,
      entryZones(event, null),
    );
  }
  const written = writtenZones(event);
  const zones = entryZones(event, written);
  const start = DateTime.fromJSDate(event.startsAt, { zone: written.start ?? 'utc' });
  const end = DateTime.fromJSDate(event.endsAt, { zone: written.end ?? 'utc' });
  if (written.start === written.end) {
    return new CalendarEntry({ ...data, timezone: written.start, start, end }, calendar, zones);
  }
  return new CalendarEntry({ ...data, timezone: zones.startZone, start }, calendar, zones, {
    at: end,
    zone: written.end,
  });
}

export function statusOf(event: CalendarEvent, details: CalendarEntryDetails): ICalEventStatus {
  if (event.status === 'cancelled') return ICalEventStatus.CANCELLED;
  if (event.status === 'draft' || details.tentative) return ICalEventStatus.TENTATIVE;
  return ICalEventStatus.CONFIRMED;
}

export function describe(event: CalendarEvent): string | null {
  const parts = [
    event.languageNote ?? '',
    event.description.trim(),
    event.venueNotes?.trim() ?? '',
    event.onlineUrl ? `Online: ${event.onlineUrl}` : '',
  ];
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
