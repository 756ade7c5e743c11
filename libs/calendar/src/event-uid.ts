/**
 * The iCalendar UID of an event for its whole life. Feeds and invitation attachments both call
 * this, so a calendar client that got the invitation recognises the feed entry as the same event.
 */
export function eventUid(eventId: string): string {
  return `event-${eventId}@treffpunkt`;
}
