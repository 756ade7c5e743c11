import { Event } from '@app/planning';
import { Language } from '@app/presentation';

/** What a printed programme says of an event. */
export interface ProgrammeText {
  title: string;
  description: string;
  venue: string | null;
}

/**
 * The event's texts in a language, the one place the programme reads them. Events hold their
 * texts only in the language they were typed in so far; when translations exist, this asks them
 * (falling back to the original), and the programme follows.
 */
export function programmeText(event: Event, _language: Language): ProgrammeText {
  const venue = [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  return { title: event.title, description: event.description, venue: venue || null };
}
