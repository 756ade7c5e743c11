import { describeTime } from '@app/planning';
import { DemoError } from './demo.error';
import { DEMO_PROGRAMME } from './programme/demo-programme';
import { DemoProgramme, EventRecord } from './programme/programme.types';
import { PlannedEvent, planEvents, planProgramme } from './programme-plan';

const zones = new Map([
  ['ARN', 'Europe/Berlin'],
  ['MORO', 'Africa/Dar_es_Salaam'],
]);
const zoneOf = (code: string) => zones.get(code);

function find(events: PlannedEvent[], key: string): PlannedEvent {
  const event = events.find((candidate) => candidate.key === key);
  if (!event) throw new Error(`no event ${key}`);
  return event;
}

describe(planProgramme.name, () => {
  const events = planProgramme(DEMO_PROGRAMME);

  it('should accept the whole demo programme under the planning rules', () => {
    expect(events.length).toBeGreaterThan(50);
    expect(new Set(events.map((event) => event.key)).size).toBe(events.length);
  });

  it('should hold the Städtetag 2022 with parallel workshops of both administrations', () => {
    const workshops = events.filter(
      (event) => event.parentKey === 'staedtetag-2022' && event.kind === 'workshop',
    );
    expect(workshops.length).toBeGreaterThanOrEqual(8);
    expect(workshops.every((workshop) => workshop.host === 'ARN' && workshop.coHosts.includes('SUN'))).toBe(
      true,
    );
    expect(new Set(workshops.map((workshop) => workshop.startsAt.toISOString())).size).toBe(2);
  });

  it('should place the Hamm kickoff conference on 20–22 September 2023 in Europe/Berlin', () => {
    const conference = find(events, 'knp-auftaktkonferenz-hamm-2023');
    expect(conference.startZone).toBe('Europe/Berlin');
    expect(describeTime(conference.startsAt, conference.startZone).local.slice(0, 10)).toBe('2023-09-20');
    expect(describeTime(conference.endsAt, conference.endZone).local.slice(0, 10)).toBe('2023-09-22');
  });

  it('should store the all-day delegation visit until the midnight after 27 September', () => {
    const visit = find(events, 'knp-delegationsbesuch-morogoro-2023');
    expect(visit.allDay).toBe(true);
    expect(visit.startsAt.toISOString()).toBe('2023-09-22T22:00:00.000Z');
    expect(visit.endsAt.toISOString()).toBe('2023-09-27T22:00:00.000Z');
  });

  it('should let the outbound flight leave in Europe/Berlin and land in Africa/Dar_es_Salaam', () => {
    const flight = find(events, 'knp-entsendung-morogoro-2024/flug-hinreise');
    expect(flight.kind).toBe('travel_leg');
    expect(flight).toMatchObject({ startZone: 'Europe/Berlin', endZone: 'Africa/Dar_es_Salaam' });
    expect(flight.startsAt.toISOString()).toBe('2024-02-10T15:20:00.000Z');
    expect(flight.endsAt.toISOString()).toBe('2024-02-11T04:35:00.000Z');
  });

  it('should refuse a partnership member that is not a demo organisation', () => {
    const broken: DemoProgramme = {
      ...DEMO_PROGRAMME,
      partnerships: [{ key: 'x', name: 'X', description: '', members: ['ARN', 'NOPE'] }],
    };
    expect(() => planProgramme(broken)).toThrow('unknown organisation NOPE');
  });
});

describe(planEvents.name, () => {
  const trip: EventRecord = {
    key: 'trip',
    kind: 'exchange_trip',
    title: 'Trip',
    description: '',
    startsAt: '2024-02-10',
    endsAt: '2024-02-17',
    allDay: true,
    host: 'ARN',
    coHosts: ['MORO'],
    partnership: 'knp',
    visibility: 'internal',
    parts: [
      {
        key: 'visit',
        kind: 'site_visit',
        title: 'Visit',
        description: '',
        startsAt: '2024-02-12T09:00',
        endsAt: '2024-02-12T11:00',
        startZone: 'Africa/Dar_es_Salaam',
      },
    ],
  };

  it('should let a part inherit host, co-hosts, partnership and visibility from its parent', () => {
    const [, visit] = planEvents([trip], zoneOf);
    expect(visit).toMatchObject({
      key: 'trip/visit',
      parentKey: 'trip',
      host: 'ARN',
      coHosts: ['MORO'],
      partnership: 'knp',
      visibility: 'internal',
      status: 'published',
      endZone: 'Africa/Dar_es_Salaam',
    });
    expect(visit.startsAt.toISOString()).toBe('2024-02-12T06:00:00.000Z');
  });

  it('should refuse a part outside its parent and name the event', () => {
    const outside = {
      ...trip,
      parts: [{ ...trip.parts![0], startsAt: '2024-02-20T09:00', endsAt: '2024-02-20T10:00' }],
    };
    expect(() => planEvents([outside], zoneOf)).toThrow(DemoError);
    expect(() => planEvents([outside], zoneOf)).toThrow('Demo event "trip/visit"');
  });

  it('should refuse an unknown zone and an unknown host', () => {
    expect(() => planEvents([{ ...trip, parts: [], startZone: 'Mars/Olympus' }], zoneOf)).toThrow(
      'is not an IANA time zone',
    );
    expect(() => planEvents([{ ...trip, parts: [], host: 'XYZ' }], zoneOf)).toThrow(
      'Unknown host organisation XYZ',
    );
  });

  it('should refuse two events with the same key', () => {
    const single = { ...trip, parts: [] };
    expect(() => planEvents([single, single], zoneOf)).toThrow('Two demo events have the key "trip"');
  });
});
