/**
 * What a calendar needs to know about one event. The planning entity `Event` fits this shape, so
 * feeds can pass entities or plain rows straight from SQL; no database access happens here.
 */
export interface CalendarEvent {
  id: string;
  kind: string;
  title: string;
  description: string;
  startsAt: Date;
  startZone: string;
  /** For all-day events the midnight after the last day, in `endZone`. */
  endsAt: Date;
  endZone: string;
  allDay: boolean;
  venueName: string | null;
  venueAddress: string | null;
  /** How to find the place once there; shown in the description. */
  venueNotes?: string;
  venueLatitude: number | null;
  venueLongitude: number | null;
  onlineUrl: string | null;
  /**
   * Said first in the description when the texts are not in the reader's language ("Originally in
   * German; no Swahili translation yet"), in the reader's language.
   */
  languageNote?: string | null;
  status: 'draft' | 'published' | 'cancelled';
  tags: string[];
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What the caller knows beyond the event itself: who organises it, where it is described. */
export interface CalendarEntryDetails {
  /** Shown as ORGANIZER; the address is the mailbox replies go to, never an attendee's. */
  organizer?: { name: string; email: string } | null;
  /** A page about the event (URL property). */
  url?: string | null;
  /** The person has not (yet) confirmed: STATUS:TENTATIVE instead of CONFIRMED. */
  tentative?: boolean;
  /** Reminders as minutes before the start, emitted as VALARMs. */
  reminderOffsetsMinutes?: number[];
}
