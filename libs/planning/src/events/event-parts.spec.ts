import { DateTime } from 'luxon';
import { Event } from './event.entity';
import { carryToParts, EventPosition, wholeShift } from './event-parts';

const BERLIN = 'Europe/Berlin';
const at = (local: string, zone = BERLIN) => DateTime.fromISO(local, { zone }).toJSDate();

function position(start: string, end: string, overrides: Partial<EventPosition> = {}): EventPosition {
  return {
    startsAt: at(start),
    endsAt: at(end),
    startZone: BERLIN,
    endZone: BERLIN,
    status: 'published',
    ...overrides,
  };
}

function part(title: string, start: string, end: string, overrides: Partial<Event> = {}): Event {
  return Object.assign(new Event(), {
    id: title,
    title,
    startsAt: at(start),
    endsAt: at(end),
    startZone: BERLIN,
    endZone: BERLIN,
    status: 'published',
    resumeStatus: null,
    capacity: 10,
    reminderOffsets: [1440],
    sequence: 3,
    ...overrides,
  });
}

function event(after: EventPosition): Event {
  return Object.assign(new Event(), after);
}

describe(wholeShift.name, () => {
  it('should count a week across the end of summer time as seven calendar days', () => {
    const shift = wholeShift(
      position('2027-10-28T09:00', '2027-10-28T17:00'),
      position('2027-11-04T09:00', '2027-11-04T17:00'),
    );
    expect(shift?.toObject()).toEqual({ days: 7, milliseconds: 0 });
  });

  it('should not call a stretched, shrunk or re-zoned event a move', () => {
    const before = position('2027-09-20T09:00', '2027-09-20T17:00');
    expect(wholeShift(before, position('2027-09-20T10:00', '2027-09-20T17:00'))).toBeNull();
    expect(wholeShift(before, position('2027-09-20T09:00', '2027-09-20T17:00'))).toBeNull();
    const rezoned = { ...before, startZone: 'Africa/Dar_es_Salaam', endZone: 'Africa/Dar_es_Salaam' };
    expect(wholeShift(before, rezoned)).toBeNull();
  });
});

describe(carryToParts.name, () => {
  it('should cancel the parts with their event, remembering their status, and leave those cancelled already', () => {
    const before = position('2027-09-20T09:00', '2027-09-20T17:00');
    const open = part('Workshop Klima', '2027-09-20T10:00', '2027-09-20T11:00');
    const draft = part('Workshop Entwurf', '2027-09-20T11:00', '2027-09-20T12:00', { status: 'draft' });
    const gone = part('Workshop Wasser', '2027-09-20T12:00', '2027-09-20T13:00', { status: 'cancelled' });
    const changes = carryToParts(before, event({ ...before, status: 'cancelled' }), [open, draft, gone]);
    expect(
      changes.map((change) => [change.event.title, change.before.status, change.before.sequence]),
    ).toEqual([
      ['Workshop Klima', 'published', 3],
      ['Workshop Entwurf', 'draft', 3],
    ]);
    expect([open, draft, gone].map((p) => [p.status, p.resumeStatus, p.sequence])).toEqual([
      ['cancelled', 'published', 4],
      ['cancelled', 'draft', 4],
      ['cancelled', null, 3],
    ]);
  });

  it('should bring back only the parts cancelled with the event, as drafts when the event comes back as one', () => {
    const before = position('2027-09-20T09:00', '2027-09-20T17:00', { status: 'cancelled' });
    const withIt = () =>
      part('Klima', '2027-09-20T10:00', '2027-09-20T11:00', {
        status: 'cancelled',
        resumeStatus: 'published',
      });
    const alone = part('Wasser', '2027-09-20T12:00', '2027-09-20T13:00', { status: 'cancelled' });
    const published = withIt();
    expect(carryToParts(before, event({ ...before, status: 'published' }), [published, alone])).toHaveLength(
      1,
    );
    expect([published.status, published.resumeStatus, alone.status]).toEqual([
      'published',
      null,
      'cancelled',
    ]);
    const drafted = withIt();
    carryToParts(before, event({ ...before, status: 'draft' }), [drafted]);
    expect(drafted.status).toBe('draft');
  });

  it('should publish the draft parts with their event, and leave cancelled ones cancelled', () => {
    const before = position('2027-09-20T09:00', '2027-09-20T17:00', { status: 'draft' });
    const draft = part('Klima', '2027-09-20T10:00', '2027-09-20T11:00', { status: 'draft' });
    const gone = part('Wasser', '2027-09-20T12:00', '2027-09-20T13:00', { status: 'cancelled' });
    expect(carryToParts(before, event({ ...before, status: 'published' }), [draft, gone])).toHaveLength(1);
    expect([draft.status, draft.sequence, gone.status]).toEqual(['published', 4, 'cancelled']);
  });

  it('should move every part by the wall-clock shift of its event, in its own zone', () => {
    const before = position('2027-10-28T09:00', '2027-10-28T17:00');
    const workshop = part('Klima', '2027-10-28T10:00', '2027-10-28T11:00');
    const call = part('Call', '2027-10-28T13:00', '2027-10-28T14:00', {
      startsAt: at('2027-10-28T14:00', 'Africa/Dar_es_Salaam'),
      endsAt: at('2027-10-28T15:00', 'Africa/Dar_es_Salaam'),
      startZone: 'Africa/Dar_es_Salaam',
      endZone: 'Africa/Dar_es_Salaam',
    });
    const changes = carryToParts(before, event(position('2027-11-04T09:00', '2027-11-04T17:00')), [
      workshop,
      call,
    ]);
    expect(changes).toHaveLength(2);
    expect(DateTime.fromJSDate(workshop.startsAt, { zone: BERLIN }).toISO()).toBe(
      '2027-11-04T10:00:00.000+01:00',
    );
    expect(DateTime.fromJSDate(call.startsAt, { zone: 'Africa/Dar_es_Salaam' }).toISO()).toBe(
      '2027-11-04T14:00:00.000+03:00',
    );
    expect(changes[0].before.startsAt).toEqual(at('2027-10-28T10:00'));
  });
});
