import { Catalog } from './catalog';

export const exportsDe: Catalog['exports'] = {
  sheetName: 'Teilnehmende',
  yes: 'ja',
  no: 'nein',
  columns: {
    name: 'Name',
    email: 'E-Mail',
    organisation: 'Organisation',
    department: 'Abteilung',
    language: 'Sprache',
    status: 'Antwort',
    invitedAt: 'Eingeladen ({{zone}})',
    answeredAt: 'Geantwortet ({{zone}})',
    round: 'Runde {{number}}: {{time}}',
  },
  waitlisted: '{{workshop}} (Warteliste)',
  programme: {
    heading: 'Programm',
    noParts: 'Noch keine Programmpunkte.',
    parallel: 'Zur gleichen Zeit: einer von {{count}}',
    allDay: 'Ganztägig',
    asOf: 'Stand: {{date}}',
    page: 'Seite {{page}} von {{pages}}',
  },
};
