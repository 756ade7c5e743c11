import { Catalog } from './catalog';

/** Reiseplan und Gastgeberplan (libs/hosting), auf Deutsch. */
export const hostingDe: Pick<Catalog, 'itinerary' | 'hostSchedule'> = {
  itinerary: {
    title: 'Ihr Reiseplan: {{visit}}',
    intro:
      'Jeder Tag Ihres Besuchs: wo Sie sein sollen, wer Sie trifft und wo Sie übernachten. Zeiten gelten jeweils vor Ort.',
    day: 'Tag {{number}}: {{date}}',
    nothingPlanned: 'Nichts geplant.',
    sleep: 'Übernachtung',
    sleepHostFamily: 'Bei {{host}}',
    sleepRoom: '{{place}}, Zimmer {{room}}',
    sleepUnknown: 'Noch nicht festgelegt.',
    sleepTravelling: 'Unterwegs.',
    cancelled: 'Abgesagt',
    phone: 'Telefon {{phone}}',
    print: 'Als PDF drucken',
    printed: 'Gedruckt am {{date}}',
    role: {
      host_family: 'Gastfamilie',
      guide: 'Begleitung',
      interpreter: 'Dolmetschen',
      driver: 'Fahrer:in',
    },
  },
  hostSchedule: {
    subject: 'Ihr Plan als Gastgeber:in: {{visit}}',
    intro: 'danke, dass Sie Gäste von {{visit}} betreuen. Dafür sind Sie eingeplant:',
    guest: 'Gast: {{name}}',
    night: 'Nacht vom {{date}}',
    updated: 'Ändert sich etwas, bekommen Sie einen neuen Plan per E-Mail.',
  },
};
