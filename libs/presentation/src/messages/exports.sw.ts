import { Catalog } from './catalog';

export const exportsSw: Catalog['exports'] = {
  sheetName: 'Washiriki',
  yes: 'ndiyo',
  no: 'hapana',
  columns: {
    name: 'Jina',
    email: 'Barua pepe',
    organisation: 'Taasisi',
    department: 'Idara',
    language: 'Lugha',
    status: 'Jibu',
    invitedAt: 'Alialikwa ({{zone}})',
    answeredAt: 'Alijibu ({{zone}})',
    round: 'Mzunguko {{number}}: {{time}}',
  },
  waitlisted: '{{workshop}} (orodha ya kusubiri)',
  programme: {
    heading: 'Ratiba',
    noParts: 'Bado hakuna vipengele vya ratiba.',
    parallel: 'Kwa wakati mmoja: kimoja kati ya {{count}}',
    allDay: 'Siku nzima',
    asOf: 'Hali ya {{date}}',
    page: 'Ukurasa {{page}} kati ya {{pages}}',
  },
};
