import { CalendarEvent } from '@app/calendar';
import { EmailContent } from './email-content';
import { renderEmail } from './render-email';

const event: CalendarEvent = {
  id: '5b0f5a2e-5f0e-4c38-9d7e-0e3c2a1b9f10',
  kind: 'visit',
  title: 'Delegationsbesuch Morogoro',
  description: 'Besuch der Partnerstadt.\n\nProgramm folgt.',
  startsAt: new Date('2023-09-23T07:00:00Z'),
  startZone: 'Europe/Berlin',
  endsAt: new Date('2023-09-23T15:00:00Z'),
  endZone: 'Europe/Berlin',
  allDay: false,
  venueName: 'Rathaus Arnsberg',
  venueAddress: 'Rathausplatz 2, 59759 Arnsberg',
  venueLatitude: null,
  venueLongitude: null,
  onlineUrl: null,
  status: 'published',
  tags: [],
  sequence: 2,
  createdAt: new Date('2023-08-01T00:00:00Z'),
  updatedAt: new Date('2023-08-02T00:00:00Z'),
};

function content(overrides: Partial<EmailContent> = {}): EmailContent {
  return {
    kind: 'invitation',
    recipient: {
      name: 'Asha Mwakyusa',
      email: 'asha@example.org',
      locale: 'sw',
      timeZone: 'Africa/Dar_es_Salaam',
    },
    event,
    parentEvent: null,
    answerUrl: 'https://treffpunkt.example.org/answer/abc',
    programmeUrl: 'https://treffpunkt.example.org/answer/abc/programme',
    participation: 'NEEDS-ACTION',
    parts: [],
    ...overrides,
  };
}

describe(renderEmail.name, () => {
  it('should show the time in the reader’s zone and the local time at the venue', () => {
    const rendered = renderEmail(content({ recipient: { ...content().recipient, locale: 'en' } }));
    expect(rendered.text).toContain(
      'When (your time): Saturday, 23 September 2023, 10:00 – 18:00 Dar es Salaam (EAT)',
    );
    expect(rendered.text).toContain(
      'When (local time at the venue): Saturday, 23 September 2023, 09:00 – 17:00 Berlin (CEST)',
    );
  });

  it('should write in Swahili for Swahili readers', () => {
    const rendered = renderEmail(content());
    expect(rendered.subject).toMatch(/^Mwaliko: Delegationsbesuch Morogoro – 23 Septemba 2023$/);
    expect(rendered.text).toContain('Habari Asha Mwakyusa,');
    expect(rendered.text).toContain('Jibu sasa: https://treffpunkt.example.org/answer/abc');
  });

  it('should write in German with the venue time only once for readers at the venue', () => {
    const rendered = renderEmail(
      content({
        recipient: {
          name: 'Jana Becker',
          email: 'jana@example.org',
          locale: 'de',
          timeZone: 'Europe/Berlin',
        },
      }),
    );
    expect(rendered.subject).toBe('Einladung: Delegationsbesuch Morogoro – 23. September 2023');
    expect(rendered.text).toContain('Wann: Samstag, 23. September 2023, 09:00 – 17:00 Berlin (MESZ/CEST)');
    expect(rendered.text).not.toContain('Ortszeit');
  });

  it('should keep line breaks in titles and names out of the subject and escape HTML', () => {
    const rendered = renderEmail(
      content({
        event: { ...event, title: 'Tag\r\nBcc: victim@example.org <script>' },
        recipient: { ...content().recipient, name: 'Eve\r\nX-Evil: 1' },
      }),
    );
    expect(rendered.subject).not.toMatch(/[\r\n]/);
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;');
  });

  it('should name the whole event and offer no answer link, only the programme page, in a cancellation', () => {
    const rendered = renderEmail(content({ kind: 'cancellation', event: { ...event, status: 'cancelled' } }));
    expect(rendered.subject).toMatch(/^Imeghairiwa: /);
    expect(rendered.text).toContain('samahani, Delegationsbesuch Morogoro imeghairiwa.');
    expect(rendered.text).not.toMatch(/\/answer\/abc(?!\/programme)/);
    expect(rendered.text).toContain(
      'Ratiba yako yote, na kiungo chako binafsi cha kalenda: https://treffpunkt.example.org/answer/abc/programme',
    );
  });

  it('should name the invited event around a workshop', () => {
    const rendered = renderEmail(
      content({
        kind: 'waitlist_promotion',
        recipient: { ...content().recipient, locale: 'en' },
        event: { ...event, title: 'Workshop Klimaschutz' },
        parentEvent: { ...event, title: 'Städtetag' },
      }),
    );
    expect(rendered.subject).toMatch(/^You have a place: Workshop Klimaschutz, part of Städtetag – /);
  });

  it('should show all-day events as dates', () => {
    const rendered = renderEmail(
      content({
        recipient: { ...content().recipient, locale: 'en' },
        event: {
          ...event,
          allDay: true,
          startsAt: new Date('2023-09-22T22:00:00Z'),
          endsAt: new Date('2023-09-27T22:00:00Z'),
        },
      }),
    );
    expect(rendered.text).toContain('When: Saturday, 23 September 2023 – Wednesday, 27 September 2023');
  });
  it('should list the parts of the programme a cancellation took along, and the whole programme in an update', () => {
    const workshop = (title: string, status: CalendarEvent['status']) => ({
      event: {
        ...event,
        id: title,
        title,
        status,
        startsAt: new Date('2023-09-23T08:00:00Z'),
        endsAt: new Date('2023-09-23T09:00:00Z'),
      },
      waitlisted: title === 'Workshop Wasser',
    });
    const parts = [workshop('Workshop Klima', 'cancelled'), workshop('Workshop Wasser', 'cancelled')];
    const reader = { ...content().recipient, locale: 'en', timeZone: 'Europe/Berlin' };
    const cancellation = renderEmail(
      content({ kind: 'cancellation', recipient: reader, event: { ...event, status: 'cancelled' }, parts }),
    );
    expect(cancellation.text).toContain(
      'Cancelled with it, from your programme:\n- Workshop Klima – Saturday, 23 September 2023, 10:00 – 11:00',
    );
    expect(cancellation.text).toMatch(/- Workshop Wasser – [^\n]*\(waiting list\)/);
    expect(cancellation.html).toMatch(/<li[^>]*>Workshop Klima – Saturday, 23 September 2023, 10:00 – 11:00/);

    const update = renderEmail(
      content({
        kind: 'update',
        recipient: reader,
        parts: [workshop('Workshop Klima', 'published'), parts[1]],
      }),
    );
    expect(update.text).toContain(
      'Your programme:\n- Workshop Klima – Saturday, 23 September 2023, 10:00 – 11:00',
    );
    expect(update.text).toMatch(/- Workshop Wasser – [^\n]*\(cancelled, waiting list\)/);
    expect(renderEmail(content({ kind: 'update', recipient: reader })).text).not.toContain('Your programme');
  });
});
