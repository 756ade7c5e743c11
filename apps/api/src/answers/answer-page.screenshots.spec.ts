import { AnswerPage } from '@app/invitations';
import { Event, roundsOf } from '@app/planning';
import { describeOnScreen } from '@app/testing';
import { renderAnswerPage, renderMessagePage } from './answer-page';

/** The virtual partnership meeting as the README shows it: 12:00 in Dar es Salaam, 11:00 in Arnsberg. */
function event(overrides: Partial<Event> = {}): Event {
  return {
    id: '0b4a9a52-61a4-4f0c-9a43-6b2f0f1d3c11',
    kind: 'city_day',
    title: 'Städtetag Arnsberg & Morogoro',
    description:
      'Gemeinsam nachhaltig erfolgreich: Digitalisierung und Klimaschutz.\nMit Workshops am Nachmittag.',
    originalLanguage: 'de',
    translations: {
      sw: {
        title: 'Siku ya Jiji Arnsberg na Morogoro',
        description: 'Pamoja kwa mafanikio endelevu: kidijitali na ulinzi wa hali ya hewa.',
        venueNotes: 'Mlango kupitia uwanja wa ndani wa ukumbi wa mji.',
      },
    },
    venueNotes: 'Eingang über den Rathausinnenhof.',
    startsAt: new Date('2027-02-10T09:00:00Z'),
    startZone: 'Europe/Berlin',
    endsAt: new Date('2027-02-10T15:00:00Z'),
    endZone: 'Europe/Berlin',
    allDay: false,
    venueName: 'Rathaus Arnsberg',
    venueAddress: 'Rathausplatz 2, 59759 Arnsberg',
    onlineUrl: 'https://meet.example.org/arnsberg-morogoro',
    status: 'published',
    capacity: 40,
    ...overrides,
  } as Event;
}

/** The page with its workshops grouped into rounds, as AnswersService groups them. */
function page(overrides: Partial<Omit<AnswerPage, 'rounds'>> = {}): AnswerPage {
  const built: Omit<AnswerPage, 'rounds'> = {
    invitationId: 'f1c7d1a4-9a15-4d0f-8f55-3c6f6f2f4b21',
    status: 'invited',
    respondedAt: null,
    signedUp: false,
    person: { name: 'Neema Mwakyusa', locale: 'en', timeZone: 'Africa/Dar_es_Salaam' },
    event: event(),
    seatsLeft: 12,
    workshops: [
      {
        event: event({
          id: '7d3f1b7e-3a57-4c63-a3a2-8f0f7bb1d2a4',
          kind: 'workshop',
          title: 'Workshop Wasser & Klima',
          startsAt: new Date('2027-02-10T12:00:00Z'),
          endsAt: new Date('2027-02-10T13:30:00Z'),
          venueName: 'Sitzungssaal',
          capacity: 12,
        }),
        seatsLeft: 1,
        choice: null,
      },
      {
        event: event({
          id: '9a0c6e41-2d1b-4f77-8c55-0e9f1e2b6c33',
          kind: 'workshop',
          title: 'Workshop Digitale Verwaltung',
          startsAt: new Date('2027-02-10T12:00:00Z'),
          endsAt: new Date('2027-02-10T13:30:00Z'),
          venueName: 'Bürgerbüro',
          capacity: 10,
        }),
        seatsLeft: 0,
        choice: null,
      },
    ],
    ...overrides,
  };
  const rounds = roundsOf(built.workshops.map((workshop) => workshop.event)).map((round) => ({
    startsAt: round.startsAt,
    endsAt: round.endsAt,
    workshops: round.parts.map((part) => built.workshops.find((workshop) => workshop.event === part)!),
  }));
  return { ...built, rounds };
}

const PROGRAMME_HREF = './token/programme';

const pages = [
  {
    name: 'answer-page-open-en',
    html: renderAnswerPage(page(), { saved: false, programmeHref: PROGRAMME_HREF }),
    shows: [
      'When (your time)',
      'Dar es Salaam (EAT)',
      'Berlin (CET)',
      'I will attend',
      'Only 1 seat left, of 12',
      'Originally in German; no English translation yet.',
    ],
  },
  {
    name: 'answer-page-answered-de',
    html: renderAnswerPage(
      page({
        status: 'accepted',
        person: { name: 'Jana Becker', locale: 'de', timeZone: 'Europe/Berlin' },
        workshops: [{ ...page().workshops[0], choice: 'confirmed' }],
      }),
      { saved: true, programmeHref: PROGRAMME_HREF },
    ),
    shows: ['Vielen Dank, Ihre Antwort ist gespeichert.', 'Sie haben zugesagt.', 'Ihr Platz ist bestätigt'],
  },
  {
    name: 'answer-page-cancelled-sw',
    html: renderAnswerPage(
      page({
        event: event({ status: 'cancelled' }),
        person: { name: 'Asha Mwakyusa', locale: 'sw', timeZone: 'Africa/Dar_es_Salaam' },
      }),
      { saved: false, programmeHref: PROGRAMME_HREF },
    ),
    shows: ['Tukio hili limeghairiwa.', 'Lini (saa yako)'],
  },
  {
    name: 'answer-page-open-sw',
    html: renderAnswerPage(
      page({ person: { name: 'Asha Mwakyusa', locale: 'sw', timeZone: 'Africa/Dar_es_Salaam' } }),
      { saved: false, programmeHref: PROGRAMME_HREF },
    ),
    shows: [
      'Siku ya Jiji Arnsberg na Morogoro',
      'Jinsi ya kufika',
      'Nitahudhuria',
      'Warsha na vikao',
      'Nafasi 1 tu imebaki, kati ya 12',
      'Dar es Salaam (EAT)',
    ],
  },
  {
    name: 'answer-page-signed-up-de',
    html: renderAnswerPage(
      page({
        status: 'accepted',
        signedUp: true,
        person: { name: 'Jana Becker', locale: 'de', timeZone: 'Europe/Berlin' },
      }),
      { saved: false, programmeHref: PROGRAMME_HREF },
    ),
    shows: ['Danke für Ihre Anmeldung. Sie sind angemeldet für:', 'Sie haben zugesagt.'],
  },
  {
    name: 'answer-page-signed-up-sw',
    html: renderAnswerPage(
      page({
        status: 'accepted',
        signedUp: true,
        person: { name: 'Asha Mwakyusa', locale: 'sw', timeZone: 'Africa/Dar_es_Salaam' },
      }),
      { saved: false, programmeHref: PROGRAMME_HREF },
    ),
    shows: ['Asante kwa kujisajili. Umesajiliwa kwa:'],
  },
  {
    name: 'answer-page-unknown-link-de',
    html: renderMessagePage('de', 'answerPage.notFoundTitle', 'answerPage.notFoundText'),
    shows: ['Link ungültig'],
  },
];

describeOnScreen('answer pages on screen', 'page', pages);
