import { printPdf } from '@app/documents';
import { EventTree } from '@app/planning';
import { pdfText } from '@app/testing';
import { programmeDocument } from './programme-document';

function event(fields: Partial<EventTree> & Pick<EventTree, 'title' | 'startsAt' | 'endsAt'>): EventTree {
  return {
    kind: 'workshop',
    description: '',
    startZone: 'Europe/Berlin',
    endZone: 'Europe/Berlin',
    allDay: false,
    venueName: null,
    venueAddress: null,
    onlineUrl: null,
    status: 'published',
    children: [],
    ...fields,
  } as EventTree;
}

describe(programmeDocument.name, () => {
  const visit = event({
    kind: 'delegation_visit',
    title: 'Ziara ya Morogoro Arnsberg',
    description: 'Karibu Arnsberg.',
    startsAt: new Date('2031-06-02T06:00:00Z'),
    endsAt: new Date('2031-06-04T16:00:00Z'),
    venueName: 'Rathaus Arnsberg',
    children: [
      event({
        title: 'Empfang',
        kind: 'session',
        startsAt: new Date('2031-06-02T07:00:00Z'),
        endsAt: new Date('2031-06-02T08:00:00Z'),
      }),
      event({
        title: 'Abgesagt',
        status: 'cancelled',
        startsAt: new Date('2031-06-02T07:00:00Z'),
        endsAt: new Date('2031-06-02T08:00:00Z'),
      }),
      event({
        title: 'Klärwerk',
        kind: 'site_visit',
        startsAt: new Date('2031-06-03T08:00:00Z'),
        endsAt: new Date('2031-06-03T10:00:00Z'),
      }),
      event({
        title: 'Schule',
        kind: 'site_visit',
        startsAt: new Date('2031-06-03T09:00:00Z'),
        endsAt: new Date('2031-06-03T11:00:00Z'),
      }),
    ],
  });

  it('should group the parts by day, parallel ones together, and leave cancelled ones out', async () => {
    const text = pdfText(await printPdf(programmeDocument(visit, 'en', new Date('2031-05-01T10:00:00Z'))));
    expect(text).toContain('Ziara ya Morogoro Arnsberg');
    expect(text).toContain('Monday, 2 June 2031');
    expect(text).toMatch(/09:00–10:00\s+Empfang/);
    expect(text).toContain('Tuesday, 3 June 2031');
    expect(text).toContain('At the same time: one of 2');
    expect(text).toMatch(/10:00–12:00\s+Klärwerk/);
    expect(text).toMatch(/11:00–13:00\s+Schule/);
    expect(text).not.toContain('Abgesagt');
    expect(text).toContain('As of 1 May 2031');
  });
});
