import { describeTime } from '@app/planning';
import { DemoError } from './demo.error';
import { DEMO_PROGRAMME } from './programme/demo-programme';
import { PARTNERSHIP_MEETING_2027_01 } from './programme/morogoro-partnership-2027';
import { DemoProgramme, EventRecord, InvitationRoundRecord } from './programme/programme.types';
import { STAEDTETAG_2027 } from './programme/staedtetag-2027';
import { PlannedEvent, planEvents, planInvitations, planProgramme } from './programme-plan';

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

  it('should hold every 2027 follow-up after the day the demo was written for (21 November 2026)', () => {
    const followUps = events.filter(
      (event) => event.parentKey === null && event.tags.includes('folgetermin'),
    );
    expect(followUps.length).toBeGreaterThanOrEqual(6);
    for (const event of followUps) {
      expect(event.startsAt.getTime()).toBeGreaterThan(Date.parse('2026-11-21T00:00:00Z'));
      expect(event.description).toContain('Folgetermin im Demo-Programm');
    }
  });

  it('should let the weekend of the 2027 delegation visit start in summer time and end in winter time', () => {
    const weekend = find(events, 'knp-delegationsbesuch-morogoro-2027/wochenende-gastfamilien');
    expect(describeTime(weekend.startsAt, weekend.startZone)).toMatchObject({
      local: '2027-10-30T10:00:00',
      offset: '+02:00',
    });
    expect(describeTime(weekend.endsAt, weekend.endZone)).toMatchObject({
      local: '2027-10-31T18:00:00',
      offset: '+01:00',
    });
  });

  it('should fly the 2027 Morogoro delegation from Africa/Dar_es_Salaam to Europe/Berlin', () => {
    const flight = find(events, 'knp-delegationsbesuch-morogoro-2027/flug-hinreise');
    expect(flight).toMatchObject({ startZone: 'Africa/Dar_es_Salaam', endZone: 'Europe/Berlin' });
    expect(flight.startsAt.toISOString()).toBe('2027-10-27T13:40:00.000Z');
    expect(flight.endsAt.toISOString()).toBe('2027-10-28T04:15:00.000Z');
  });

  it('should refuse a partnership member that is not a demo organisation', () => {
    const broken: DemoProgramme = {
      ...DEMO_PROGRAMME,
      partnerships: [{ key: 'x', name: 'X', description: '', members: ['ARN', 'NOPE'], lead: 'ARN' }],
    };
    expect(() => planProgramme(broken)).toThrow('unknown organisation NOPE');
  });

  it('should refuse a partnership led by an organisation that is not one of its members', () => {
    const broken: DemoProgramme = {
      ...DEMO_PROGRAMME,
      partnerships: [{ key: 'x', name: 'X', description: '', members: ['ARN', 'SUN'], lead: 'MORO' }],
    };
    expect(() => planProgramme(broken)).toThrow(
      'Demo partnership "x": The lead organisation must be one of the members.',
    );
  });

  it('should let Arnsberg lead every demo partnership', () => {
    expect(DEMO_PROGRAMME.partnerships.map((partnership) => partnership.lead)).toEqual(
      DEMO_PROGRAMME.partnerships.map(() => 'ARN'),
    );
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

describe(planInvitations.name, () => {
  const events = planProgramme(DEMO_PROGRAMME);
  const invitations = planInvitations(DEMO_PROGRAMME, events);
  const withRound = (round: InvitationRoundRecord): DemoProgramme => ({
    ...DEMO_PROGRAMME,
    invitations: [round],
  });
  const cityDay = (invitees: InvitationRoundRecord['invitees']): DemoProgramme =>
    withRound({ event: STAEDTETAG_2027.key, answeredAt: '2026-11-09T08:30:00Z', invitees });
  const morogoro = new Set(
    DEMO_PROGRAMME.people.filter((person) => person.organisation === 'MORO').map((person) => person.email),
  );

  it('should hold invitations in every state of an answer, with seats in workshops', () => {
    expect(new Set(invitations.map((invitation) => invitation.status))).toEqual(
      new Set(['accepted', 'tentative', 'invited', 'declined']),
    );
    expect(invitations.some((invitation) => invitation.choices.length > 0)).toBe(true);
    const open = invitations.filter((invitation) => invitation.status === 'invited');
    expect(open.every((invitation) => invitation.respondedAt === null)).toBe(true);
  });

  it('should leave the January partnership meeting open for inviting the Morogoro delegation', () => {
    const january = invitations.filter(
      (invitation) => invitation.eventKey === PARTNERSHIP_MEETING_2027_01.key,
    );
    expect(january.length).toBeGreaterThan(0);
    expect(january.some((invitation) => morogoro.has(invitation.email))).toBe(false);
  });

  it('should refuse more confirmed seats than a workshop has', () => {
    const crowd = DEMO_PROGRAMME.people
      .filter((person) => person.organisation === 'ARN')
      .slice(0, 5)
      .map((person) => ({
        email: person.email,
        status: 'accepted' as const,
        seats: { 'ki-praxislabor': 'confirmed' as const },
      }));
    expect(() => planInvitations(cityDay(crowd), events)).toThrow('5 seats taken, capacity 4');
  });

  it('should refuse a waitlist while seats are free', () => {
    const waiting = cityDay([
      { email: 'm.schroeder@arnsberg.example', status: 'accepted', seats: { digitalisierung: 'waitlisted' } },
    ]);
    expect(() => planInvitations(waiting, events)).toThrow('people wait although seats are free');
  });

  it('should refuse a seat in a part without capacity, in a part of another event, and for a declined invitation', () => {
    const seat = (part: string, status: 'accepted' | 'declined' = 'accepted') =>
      cityDay([{ email: 'm.schroeder@arnsberg.example', status, seats: { [part]: 'confirmed' } }]);
    expect(() => planInvitations(seat('eroeffnung'), events)).toThrow('has no capacity');
    expect(() => planInvitations(seat('wasserwerk'), events)).toThrow('is not a part of the event');
    expect(() => planInvitations(seat('digitalisierung', 'declined'), events)).toThrow('holds no seats');
  });

  it('should refuse two seats in one round of workshops, as the invitations lib does', () => {
    const twoAtOnce = cityDay([
      {
        email: 'm.schroeder@arnsberg.example',
        status: 'accepted',
        seats: { digitalisierung: 'confirmed', waermeplanung: 'confirmed' },
      },
    ]);
    expect(() => planInvitations(twoAtOnce, events)).toThrow(
      /take place at the same time.*choose one of them/,
    );
  });

  it('should hold every demo invitee to one seat per round of the Städtetag 2027', () => {
    const rounds = new Map([
      ...['digitalisierung', 'waermeplanung', 'tourismus', 'starkregen'].map(
        (part) => [part, 'first'] as const,
      ),
      ...['ki-praxislabor', 'personal', 'bauen-mobilitaet', 'buergerdienste'].map(
        (part) => [part, 'second'] as const,
      ),
    ]);
    const cityDayInvitations = invitations.filter(
      (invitation) => invitation.eventKey === STAEDTETAG_2027.key,
    );
    for (const invitation of cityDayInvitations) {
      const perRound = invitation.choices.map((choice) => rounds.get(choice.workshopKey.split('/')[1]));
      expect(new Set(perRound).size).toBe(perRound.length);
    }
  });

  it('should refuse unknown people and inviting someone twice', () => {
    expect(() =>
      planInvitations(cityDay([{ email: 'nobody@example.org', status: 'invited' }]), events),
    ).toThrow('unknown person');
    const twice = cityDay([
      { email: 'm.schroeder@arnsberg.example', status: 'invited' },
      { email: 'M.Schroeder@arnsberg.example', status: 'accepted' },
    ]);
    expect(() => planInvitations(twice, events)).toThrow('invited twice');
  });
});
