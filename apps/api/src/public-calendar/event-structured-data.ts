import { DateTime } from 'luxon';
import { machineReadableStart } from '@app/presentation';
import { PublicEvent } from '@app/public-programme';

const SCHEMA = 'https://schema.org/';

/**
 * An event as schema.org `Event` for search engines. Times carry the offset of each end's own
 * zone; an all-day event gives its first and last day (stored until the midnight after it).
 */
export function eventStructuredData(event: PublicEvent, pageUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    ...(event.description ? { description: event.description } : {}),
    startDate: startDate(event),
    endDate: endDate(event),
    eventStatus: `${SCHEMA}${eventStatus(event)}`,
    ...(event.previousStartsAt && event.previousStartZone
      ? {
          previousStartDate: machineReadableStart({
            ...event,
            startsAt: event.previousStartsAt,
            startZone: event.previousStartZone,
          }),
        }
      : {}),
    eventAttendanceMode: `${SCHEMA}${attendanceMode(event)}`,
    location: locations(event),
    organizer: { '@type': 'Organization', name: event.hostName },
    url: pageUrl,
    ...(event.tags.length ? { keywords: event.tags.join(', ') } : {}),
  };
}

function eventStatus(event: PublicEvent): string {
  if (event.status === 'cancelled') return 'EventCancelled';
  return event.previousStartsAt ? 'EventRescheduled' : 'EventScheduled';
}

function startDate(event: PublicEvent): string {
  const start = DateTime.fromJSDate(event.startsAt, { zone: event.startZone });
  return (event.allDay ? start.toISODate() : start.toISO()) ?? event.startsAt.toISOString();
}

function endDate(event: PublicEvent): string {
  const end = DateTime.fromJSDate(event.endsAt, { zone: event.endZone });
  return (event.allDay ? end.minus({ days: 1 }).toISODate() : end.toISO()) ?? event.endsAt.toISOString();
}

function attendanceMode(event: PublicEvent): string {
  const inPerson = Boolean(event.venueName || event.venueAddress);
  if (event.onlineUrl && inPerson) return 'MixedEventAttendanceMode';
  return event.onlineUrl || event.kind === 'virtual_meeting'
    ? 'OnlineEventAttendanceMode'
    : 'OfflineEventAttendanceMode';
}

function locations(event: PublicEvent): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  if (event.venueName || event.venueAddress) {
    found.push({
      '@type': 'Place',
      name: event.venueName ?? event.venueAddress,
      ...(event.venueAddress ? { address: event.venueAddress } : {}),
      ...(event.venueLatitude !== null && event.venueLongitude !== null
        ? {
            geo: {
              '@type': 'GeoCoordinates',
              latitude: event.venueLatitude,
              longitude: event.venueLongitude,
            },
          }
        : {}),
    });
  }
  if (event.onlineUrl) found.push({ '@type': 'VirtualLocation', url: event.onlineUrl });
  return found;
}
