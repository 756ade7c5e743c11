import { DateTime } from 'luxon';

type Span = { startsAt: Date; startZone: string; endsAt: Date; endZone: string; allDay: boolean };

/** The last day something runs on, at its place: an all-day span is stored until the midnight after. */
function lastDay(span: Span): DateTime {
  const end = DateTime.fromJSDate(span.endsAt, { zone: span.endZone });
  return (span.allDay ? end.minus({ days: 1 }) : end).startOf('day');
}

/** The first day, at the place where it starts. */
function firstDay(span: Span): DateTime {
  return DateTime.fromJSDate(span.startsAt, { zone: span.startZone }).startOf('day');
}

function datesBetween(first: DateTime, last: DateTime): string[] {
  const dates: string[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) dates.push(day.toISODate()!);
  return dates;
}

/** Every day a span touches at its place, as ISO dates: the days of an itinerary. */
export function daysOf(span: Span): string[] {
  return datesBetween(firstDay(span), lastDay(span));
}

/**
 * The nights a span covers, each named by its evening's date: from the first day to the day
 * before the last (a stay from the 28th to the 2nd is the nights of the 28th to the 1st).
 */
export function nightsOf(span: Span): string[] {
  return datesBetween(firstDay(span), lastDay(span).minus({ days: 1 }));
}

/** The day an instant falls on in a zone, as an ISO date. */
export function dayAt(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}
