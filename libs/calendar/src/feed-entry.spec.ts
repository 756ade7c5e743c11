import { foldLines, ICalCalendar } from 'ical-generator';
import { readCalendar, seededRandom, someCalendarEvent } from '@app/testing';
import { createEventEntry } from './event-entry';
import {
  EncodedEntry,
  feedParts,
  feedFrame,
  FeedHeader,
  renderFeed,
  useIanaTimezones,
} from './feed-calendar';
import { RenderedEntry, renderFeedEntry } from './feed-entry';

const encoded = ({ text, ...zones }: RenderedEntry): EncodedEntry => ({ ...zones, bytes: Buffer.from(text) });

const header: FeedHeader = {
  name: 'Stadt Arnsberg',
  timeZone: 'Europe/Berlin',
  refreshIntervalSeconds: 3600,
};

describe(renderFeedEntry.name, () => {
  it('should write every entry byte for byte as ical-generator does', () => {
    const rng = seededRandom(20270920);
    const calendar = useIanaTimezones(new ICalCalendar());
    for (let index = 0; index < 3000; index++) {
      const { event, details } = someCalendarEvent(rng, index);
      const reference = createEventEntry(calendar, event, details);
      const entry = renderFeedEntry(event, details);
      expect({ index, text: entry.text }).toEqual({ index, text: foldLines(reference.toString()) });
      expect(entry.startZone).toBe(reference.timezone());
    }
  });

  it('should write times in a repeated hour, alone or beside a zoned end, byte for byte as ical-generator does', () => {
    const calendar = useIanaTimezones(new ICalCalendar());
    const { event, details } = someCalendarEvent(seededRandom(1), 0);
    const spans: Array<[string, string, string, string]> = [
      ['2027-10-31T00:30:00Z', 'Europe/Berlin', '2027-10-31T03:00:00Z', 'Europe/Berlin'],
      ['2027-10-31T01:30:00Z', 'Europe/Berlin', '2027-10-31T09:00:00Z', 'Africa/Dar_es_Salaam'],
      ['2027-10-30T20:00:00Z', 'Africa/Dar_es_Salaam', '2027-10-31T01:15:00Z', 'Europe/Berlin'],
      ['2027-10-31T00:45:00Z', 'Europe/Berlin', '2027-10-31T01:45:00Z', 'Europe/Berlin'],
      ['2027-10-31T01:30:00Z', 'Europe/Berlin', '2027-10-31T03:30:00Z', 'UTC'],
    ];
    for (const [startsAt, startZone, endsAt, endZone] of spans) {
      const timed = {
        ...event,
        allDay: false,
        startsAt: new Date(startsAt),
        startZone,
        endsAt: new Date(endsAt),
        endZone,
      };
      const reference = createEventEntry(calendar, timed, details);
      const entry = renderFeedEntry(timed, details);
      expect(entry.text).toBe(foldLines(reference.toString()));
      expect(entry.text).toMatch(/^DTSTART[;:]/m);
      expect(entry.startZone).toBe(reference.timezone());
    }
  });
});

describe(feedParts.name, () => {
  it('should put a feed together byte for byte as ical-generator renders it whole', () => {
    const rng = seededRandom(4711);
    const entries = Array.from({ length: 400 }, (_, index) => someCalendarEvent(rng, index));
    const headers: FeedHeader[] = [
      header,
      {
        ...header,
        name: `Treffpunkt – public events (${'workshop, '.repeat(12)}„Klima“)`,
        timeZone: 'Africa/Dar_es_Salaam',
      },
      {
        ...header,
        name: 'Arnsberg\r\nMETHOD:CANCEL',
        description: 'Beschreibung; mit, Zeichen',
        refreshIntervalSeconds: 90,
      },
    ];
    for (const feedHeader of headers) {
      for (const slice of [entries, entries.slice(0, 1), entries.slice(7, 9), []]) {
        const whole = renderFeed(feedHeader, slice);
        const assembled = Buffer.concat(
          feedParts(
            feedFrame(feedHeader),
            slice.map(({ event, details }) => encoded(renderFeedEntry(event, details))),
          ),
        );
        // Compared byte for byte (latin1 maps each byte to one character, for a readable diff).
        expect(assembled.toString('latin1')).toBe(Buffer.from(whole).toString('latin1'));
      }
    }
  });

  it('should give a calendar client the same events and zones as the whole render', () => {
    const rng = seededRandom(1989);
    const entries = Array.from({ length: 200 }, (_, index) => someCalendarEvent(rng, index)).filter(
      ({ event }) => event.title !== '',
    );
    const assembled = readCalendar(
      Buffer.concat(
        feedParts(
          feedFrame(header),
          entries.map(({ event, details }) => encoded(renderFeedEntry(event, details))),
        ),
      ).toString('utf8'),
    );
    // A client receives UTF-8 bytes, in which a lone surrogate becomes U+FFFD.
    const whole = readCalendar(Buffer.from(renderFeed(header, entries)).toString('utf8'));
    expect(assembled.events).toHaveLength(entries.length);
    expect(assembled).toEqual(whole);
    expect(assembled.timezones).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/Chicago']));
  });
});
