import { EventTree } from '@app/planning';
import { newPartValues } from './event-form';

/** An event with what the part form reads of it; times are instants, as planning keeps them. */
function event(fields: Partial<EventTree>): EventTree {
  return {
    kind: 'delegation_visit',
    title: 'Delegation aus Morogoro',
    description: '',
    originalLanguage: 'de',
    venueName: null,
    venueAddress: null,
    venueNotes: '',
    allDay: false,
    startZone: 'Europe/Berlin',
    endZone: 'Europe/Berlin',
    capacity: null,
    status: 'draft',
    children: [],
    ...fields,
  } as EventTree;
}

describe(newPartValues.name, () => {
  it('should start the first part of an all-day visit on its first day, in its zone', () => {
    const visit = event({
      allDay: true,
      startZone: 'Africa/Dar_es_Salaam',
      endZone: 'Africa/Dar_es_Salaam',
      startsAt: new Date('2031-10-03T21:00:00Z'),
      endsAt: new Date('2031-10-11T21:00:00Z'),
    });
    expect(newPartValues(visit)).toMatchObject({
      kind: 'site_visit',
      title: '',
      allDay: 'on',
      startsAt: '2031-10-04',
      endsAt: '2031-10-04',
      startZone: 'Africa/Dar_es_Salaam',
      endZone: 'Africa/Dar_es_Salaam',
    });
  });

  it('should put a new part of an all-day visit on the day after the last part, and back at the start when the visit is full', () => {
    const day = (date: string) => ({
      allDay: true,
      status: 'draft' as const,
      startZone: 'Europe/Berlin',
      endZone: 'Europe/Berlin',
      startsAt: new Date(`${date}T00:00:00+02:00`),
      endsAt: new Date(new Date(`${date}T00:00:00+02:00`).getTime() + 24 * 3_600_000),
    });
    const visit = event({
      allDay: true,
      startsAt: new Date('2031-10-05T00:00:00+02:00'),
      endsAt: new Date('2031-10-08T00:00:00+02:00'),
      children: [event(day('2031-10-05'))],
    });
    expect(newPartValues(visit)).toMatchObject({ startsAt: '2031-10-06', endsAt: '2031-10-06' });
    visit.children.push(event(day('2031-10-07')));
    expect(newPartValues(visit)).toMatchObject({ startsAt: '2031-10-05', endsAt: '2031-10-05' });
  });

  it('should follow a flight with a part where and when it landed, an hour long, ignoring cancelled parts', () => {
    const flight = event({
      kind: 'travel_leg',
      startZone: 'Africa/Dar_es_Salaam',
      endZone: 'Europe/Berlin',
      startsAt: new Date('2031-10-04T20:55:00Z'),
      endsAt: new Date('2031-10-05T05:30:00Z'),
    });
    const cancelled = event({
      status: 'cancelled',
      startsAt: new Date('2031-10-06T08:00:00Z'),
      endsAt: new Date('2031-10-06T09:00:00Z'),
      endZone: 'America/Chicago',
    });
    const stay = event({
      kind: 'accommodation',
      startsAt: new Date('2031-10-05T06:00:00Z'),
      endsAt: new Date('2031-10-09T06:00:00Z'),
    });
    const visit = event({
      startZone: 'Africa/Dar_es_Salaam',
      startsAt: new Date('2031-10-04T05:00:00Z'),
      endsAt: new Date('2031-10-12T18:00:00Z'),
      children: [flight, cancelled],
    });
    expect(newPartValues(visit)).toMatchObject({
      startsAt: '2031-10-05T07:30',
      endsAt: '2031-10-05T16:05',
      startZone: 'Europe/Berlin',
    });
    visit.children.push(stay);
    expect(newPartValues(visit)).toMatchObject({ startsAt: '2031-10-09T08:00', endsAt: '2031-10-09T09:00' });
  });
});
