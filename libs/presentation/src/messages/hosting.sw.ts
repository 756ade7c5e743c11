import { Catalog } from './catalog';

/** Ratiba ya safari ya mgeni na ratiba ya mwenyeji (libs/hosting), kwa Kiswahili. */
export const hostingSw: Pick<Catalog, 'itinerary' | 'hostSchedule'> = {
  itinerary: {
    title: 'Ratiba yako ya safari: {{visit}}',
    intro:
      'Kila siku ya ziara yako: mahali pa kuwa, nani atakupokea, na utalala wapi. Saa ni za mahali husika.',
    day: 'Siku ya {{number}}: {{date}}',
    nothingPlanned: 'Hakuna kilichopangwa.',
    sleep: 'Utalala wapi',
    sleepHostFamily: 'Kwa {{host}}',
    sleepRoom: '{{place}}, chumba {{room}}',
    sleepUnknown: 'Bado haijapangwa.',
    sleepTravelling: 'Safarini.',
    cancelled: 'Imeahirishwa',
    phone: 'Simu {{phone}}',
    print: 'Chapisha kama PDF',
    printed: 'Imechapishwa {{date}}',
    role: {
      host_family: 'Familia mwenyeji',
      guide: 'Mwongozaji',
      interpreter: 'Mkalimani',
      driver: 'Dereva',
    },
  },
  hostSchedule: {
    subject: 'Ratiba yako kama mwenyeji: {{visit}}',
    intro: 'asante kwa kuwakaribisha wageni wa {{visit}}. Haya ndiyo uliyopangiwa:',
    guest: 'Mgeni: {{name}}',
    night: 'Usiku wa {{date}}',
    updated: 'Kukiwa na mabadiliko, utapata ratiba mpya kwa barua pepe.',
  },
};
