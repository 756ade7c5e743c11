import { Event, eventTextsIn, Person } from '@app/planning';
import { formatDay, formatTimesOfDay, hostLine, Messages, messagesFor } from '@app/presentation';
import { HostAssignmentView, HostingPlan } from './hosting.service';
import { dayAt, daysOf } from './visit-nights';

/** One programme item of a guest's day, with who guides, interprets for or drives them. */
export interface ItineraryItem {
  id: string;
  title: string;
  /** Times in the zone of each end ("16:40 Dar es Salaam (EAT) – Thu 28 Oct, 06:15 Berlin (CET)"). */
  times: string;
  place: string | null;
  cancelled: boolean;
  /** "Driver: Jonas Weber, phone +49 …: pick-up at Frankfurt airport, Terminal 1". */
  people: string[];
}

export interface ItineraryDay {
  date: string;
  heading: string;
  items: ItineraryItem[];
  /** Where the guest sleeps the night of this day, or null on the last day. */
  sleep: string | null;
}

/** A guest's visit day by day, in their language, each time local where it happens. */
export interface Itinerary {
  visitId: string;
  personId: string;
  guestName: string;
  language: Messages['language'];
  title: string;
  intro: string;
  days: ItineraryDay[];
}

/** How an assignment reads on an itinerary or a schedule: role, name, phone, address, notes. */
export function describeHost(messages: Messages, host: HostAssignmentView, name = host.hostName): string {
  return hostLine(messages, { ...host, name });
}

function placeOf(event: Event): string | null {
  return [event.venueName, event.venueAddress].filter(Boolean).join(', ') || null;
}

/**
 * What the guest does: the visit's parts everyone attends (no capacity) and those they hold a
 * confirmed seat in, and any item someone guides, interprets or drives them for. Accommodation is
 * where they sleep, not an item.
 */
function itemsOf(plan: HostingPlan, person: Person, confirmed: string[]): Event[] {
  const assigned = new Set(
    plan.hosts.filter((host) => host.guestPersonId === person.id && host.partId).map((host) => host.partId),
  );
  return plan.parts.filter(
    (part) =>
      part.kind !== 'accommodation' &&
      (part.capacity === null || confirmed.includes(part.id) || assigned.has(part.id)),
  );
}

function sleepOn(plan: HostingPlan, messages: Messages, person: Person, night: string): string {
  const { t } = messages;
  const family = plan.hosts.find(
    (host) => host.guestPersonId === person.id && host.role === 'host_family' && host.night === night,
  );
  if (family) {
    const host = [
      family.hostName,
      family.address,
      family.phone ? t('itinerary.phone', { phone: family.phone }) : null,
    ]
      .filter(Boolean)
      .join(', ');
    return t('itinerary.sleepHostFamily', { host }) + (family.notes ? ` (${family.notes})` : '');
  }
  const room = plan.rooms.find((row) => row.guestPersonId === person.id && row.night === night);
  const accommodation = plan.accommodations.find((entry) =>
    room
      ? entry.event.id === room.accommodationId
      : entry.nights.includes(night) && entry.event.status !== 'cancelled',
  );
  if (accommodation) {
    const place = [
      accommodation.event.venueName ?? accommodation.event.title,
      accommodation.event.venueAddress,
    ]
      .filter(Boolean)
      .join(', ');
    return room ? t('itinerary.sleepRoom', { place, room: room.room }) : place;
  }
  return t('itinerary.sleepUnknown');
}

/** A guest's itinerary from the plan of their visit; null when they are not a guest of it. */
export function itineraryOf(plan: HostingPlan, personId: string): Itinerary | null {
  const guest = plan.guests.find((entry) => entry.person.id === personId);
  if (!guest) return null;
  const { person } = guest;
  const messages = messagesFor(person.locale);
  const { t } = messages;
  const items = itemsOf(plan, person, guest.confirmedPartIds);
  const nights = new Set(plan.nights);
  // A night spent on a flight: a travel leg that starts that day and ends on a later one.
  const travellingNights = new Set(
    items
      .filter(
        (item) =>
          item.kind === 'travel_leg' &&
          dayAt(item.startsAt, item.startZone) !== dayAt(item.endsAt, item.endZone),
      )
      .map((item) => dayAt(item.startsAt, item.startZone)),
  );
  const days = daysOf(plan.visit).map((date, index): ItineraryDay => {
    const today = items.filter((item) => dayAt(item.startsAt, item.startZone) === date);
    return {
      date,
      heading: t('itinerary.day', { number: index + 1, date: formatDay(date, messages.intlLocale) }),
      items: today.map((item) => ({
        id: item.id,
        title: eventTextsIn(item, person.locale).title,
        times: formatTimesOfDay(item, messages.intlLocale),
        place: placeOf(item),
        cancelled: item.status === 'cancelled',
        people: plan.hosts
          .filter((host) => host.guestPersonId === person.id && host.partId === item.id)
          .map((host) => describeHost(messages, host)),
      })),
      sleep: !nights.has(date)
        ? null
        : travellingNights.has(date)
          ? t('itinerary.sleepTravelling')
          : sleepOn(plan, messages, person, date),
    };
  });
  return {
    visitId: plan.visit.id,
    personId: person.id,
    guestName: person.name,
    language: messages.language,
    title: t('itinerary.title', { visit: eventTextsIn(plan.visit, person.locale).title }),
    intro: t('itinerary.intro'),
    days,
  };
}
