import { CalendarEvent } from '@app/calendar';
import { describeOnScreen } from '@app/testing';
import { EmailContent } from './email-content';
import { renderEmail } from './render-email';

/** Events from the Arnsberg–Morogoro partnership, as organisers type them. */
const visit: CalendarEvent = {
  id: '5b0f5a2e-5f0e-4c38-9d7e-0e3c2a1b9f10',
  kind: 'delegation_visit',
  title: 'Delegationsbesuch Morogoro',
  description:
    'Essenzieller Bestandteil des Projektes „Kommunale Nachhaltigkeitspartnerschaften“ ist das gegenseitige Kennenlernen.\n\nProgramm: Rathaus, Kläranlage, Stadtrundgang.',
  startsAt: new Date('2023-09-23T07:00:00Z'),
  startZone: 'Europe/Berlin',
  endsAt: new Date('2023-09-23T15:00:00Z'),
  endZone: 'Europe/Berlin',
  allDay: false,
  venueName: 'Rathaus Arnsberg',
  venueAddress: 'Rathausplatz 2, 59759 Arnsberg',
  venueLatitude: null,
  venueLongitude: null,
  onlineUrl:
    'https://meet.arnsberg.example/partnerschaft-morogoro-arnsberg-klimaschutz-2023-delegationsbesuch',
  status: 'published',
  tags: [],
  sequence: 1,
  createdAt: new Date('2023-08-01T00:00:00Z'),
  updatedAt: new Date('2023-08-02T00:00:00Z'),
};

const workshop = (title: string, hour: number, status: CalendarEvent['status'] = 'published') => ({
  ...visit,
  id: title,
  kind: 'workshop',
  title,
  description: '',
  onlineUrl: null,
  status,
  startsAt: new Date(`2023-09-23T${String(hour).padStart(2, '0')}:00:00Z`),
  endsAt: new Date(`2023-09-23T${String(hour + 1).padStart(2, '0')}:30:00Z`),
});

const asha = {
  name: 'Asha Mwakyusa',
  email: 'asha@example.org',
  locale: 'sw',
  timeZone: 'Africa/Dar_es_Salaam',
};
const jana = { name: 'Jana Becker', email: 'jana@example.org', locale: 'de', timeZone: 'Europe/Berlin' };
const warren = { name: 'Dana Olson', email: 'dana@example.org', locale: 'en', timeZone: 'America/Chicago' };
const answerUrl = 'https://treffpunkt.example.org/answer/8c1d0e6b4a7f4f1e9d2c3b5a6e7f8091a2b3c4d5e6f70819';

const emails: Array<{ name: string; content: EmailContent; subject: RegExp; shows: string[] }> = [
  {
    name: 'email-invitation-sw',
    subject: /^Mwaliko: Delegationsbesuch Morogoro – 23 Septemba 2023$/,
    content: {
      kind: 'invitation',
      recipient: asha,
      event: visit,
      parentEvent: null,
      answerUrl,
      programmeUrl: `${answerUrl}/programme`,
      participation: 'NEEDS-ACTION',
      parts: [],
    },
    shows: ['Lini (saa yako)', '10:00 – 18:00 Dar es Salaam (EAT)', 'Berlin (CEST)', 'Jibu sasa'],
  },
  {
    name: 'email-update-de',
    subject: /^Geändert: Städtetag Arnsberg–Sundern – 23. September 2023$/,
    content: {
      kind: 'update',
      recipient: jana,
      event: { ...visit, kind: 'city_day', title: 'Städtetag Arnsberg–Sundern', onlineUrl: null },
      parentEvent: null,
      answerUrl,
      programmeUrl: `${answerUrl}/programme`,
      participation: 'ACCEPTED',
      parts: [
        { event: workshop('Workshop Digitalisierung', 8), waitlisted: false },
        { event: workshop('Workshop Klimaschutz', 11, 'cancelled'), waitlisted: true },
      ],
    },
    shows: ['Ihr Programm:', 'Workshop Klimaschutz', 'abgesagt, Warteliste', 'Antwort ansehen oder ändern'],
  },
  {
    name: 'email-cancellation-en',
    subject: /^Cancelled: Climate Smart Municipalities: partner meeting – 23 September 2023$/,
    content: {
      kind: 'cancellation',
      recipient: warren,
      event: { ...visit, title: 'Climate Smart Municipalities: partner meeting', status: 'cancelled' },
      parentEvent: null,
      answerUrl: null,
      programmeUrl: null,
      participation: 'ACCEPTED',
      parts: [{ event: workshop('Site visit: sewage works', 12, 'cancelled'), waitlisted: false }],
    },
    shows: [
      'unfortunately, Climate Smart Municipalities',
      'Cancelled with it, from your programme:',
      'Chicago (CDT)',
    ],
  },
  {
    name: 'email-reminder-de',
    subject: /^Erinnerung: Flug Frankfurt – Dar es Salaam – 9. Februar 2024$/,
    content: {
      kind: 'reminder',
      recipient: jana,
      event: {
        ...visit,
        kind: 'travel_leg',
        title: 'Flug Frankfurt – Dar es Salaam',
        description: '',
        onlineUrl: null,
        venueName: 'Flughafen Frankfurt',
        venueAddress: null,
        startsAt: new Date('2024-02-09T19:00:00Z'),
        endsAt: new Date('2024-02-10T05:30:00Z'),
        endZone: 'Africa/Dar_es_Salaam',
      },
      parentEvent: null,
      answerUrl,
      programmeUrl: `${answerUrl}/programme`,
      participation: 'ACCEPTED',
      parts: [],
    },
    shows: ['Berlin (MEZ/CET)', 'Dar es Salaam (EAT)', 'Ich nehme teil'],
  },
  {
    name: 'email-waitlist-promotion-sw',
    subject:
      /^Umepata nafasi: Workshop Wasser & Abwasser, sehemu ya Auftaktkonferenz der Partnerstädte – 23 Septemba 2023$/,
    content: {
      kind: 'waitlist_promotion',
      recipient: asha,
      event: workshop('Workshop Wasser & Abwasser', 9),
      parentEvent: { ...visit, title: 'Auftaktkonferenz der Partnerstädte' },
      answerUrl,
      programmeUrl: `${answerUrl}/programme`,
      participation: 'ACCEPTED',
      parts: [],
    },
    shows: [
      'nafasi imepatikana',
      'sehemu ya Auftaktkonferenz der Partnerstädte',
      'Angalia au badilisha jibu lako',
    ],
  },
  {
    name: 'email-invitation-en-untranslated',
    subject: /^Invitation: Delegationsbesuch Morogoro – 23 September 2023$/,
    content: {
      kind: 'invitation',
      recipient: warren,
      event: {
        ...visit,
        venueNotes: 'Eingang über den Rathausinnenhof.',
        languageNote: 'Originally in German; no English translation yet.',
      },
      parentEvent: null,
      answerUrl,
      programmeUrl: `${answerUrl}/programme`,
      participation: 'NEEDS-ACTION',
      parts: [],
    },
    shows: [
      'Originally in German; no English translation yet.',
      'Finding the place',
      'Eingang über den Rathausinnenhof.',
    ],
  },
];

describe('emails in every kind and language', () => {
  it.each(emails)(
    'should give $name its subject and the same texts in plain text',
    ({ content, subject, shows }) => {
      const email = renderEmail(content);
      expect(email.subject).toMatch(subject);
      for (const text of shows) expect(email.text).toContain(text);
    },
  );
});

describeOnScreen(
  'emails on screen',
  'email',
  emails.map(({ name, content, shows }) => ({
    name,
    html: renderEmail(content).html,
    shows: [content.event.title, ...shows],
  })),
);
