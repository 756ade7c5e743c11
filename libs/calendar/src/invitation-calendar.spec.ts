import { AWKWARD_TEXTS, seededRandom, someCalendarEvent } from '@app/testing';
import {
  InvitationCalendarInput,
  InvitationCalendars,
  ParticipationStatus,
  renderInvitationCalendar,
} from './invitation-calendar';

const PARTICIPATIONS: ParticipationStatus[] = ['NEEDS-ACTION', 'ACCEPTED', 'TENTATIVE', 'DECLINED'];
const EMAILS = ['asha@morogoro.example', 'a;b,c@example.org', "o'brien+$&$1@example.org", 'ü@bücher.example'];
const URLS = [
  'https://treffpunkt.example.org/answer/AbC-_1',
  'https://treffpunkt.example.org/answer/x?a=1,2;3&b=$&$1',
  `https://treffpunkt.example.org/answer/${'t'.repeat(90)}`,
];

describe(InvitationCalendars.name, () => {
  it("should write each recipient's calendar byte for byte as renderInvitationCalendar does", () => {
    const rng = seededRandom(20230923);
    const calendars = new InvitationCalendars();
    // Fewer events than recipients, so most calendars come from a kept template.
    const events = Array.from({ length: 100 }, (_, index) => someCalendarEvent(rng, index));
    for (let index = 0; index < 3000; index++) {
      const { event, details } = rng.pick(events);
      const method = rng.pick(['REQUEST', 'CANCEL'] as const);
      const input: InvitationCalendarInput = {
        method,
        event,
        organizer: details.organizer ?? { name: 'Stadt Arnsberg', email: 'plan@arnsberg.example' },
        attendee: {
          name: rng.pick(AWKWARD_TEXTS),
          email: rng.pick(EMAILS),
          participation: rng.pick(PARTICIPATIONS),
        },
        url: method === 'REQUEST' && rng.chance(0.8) ? rng.pick(URLS) : null,
      };
      expect({ index, text: calendars.render(input) }).toEqual({
        index,
        text: renderInvitationCalendar(input),
      });
    }
  });
});
