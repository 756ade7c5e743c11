/** Exported participant lists and printed programmes, in English: the shape the other languages follow. */
export const exportsEn = {
  sheetName: 'Participants',
  yes: 'yes',
  no: 'no',
  columns: {
    name: 'Name',
    email: 'Email',
    organisation: 'Organisation',
    department: 'Department',
    language: 'Language',
    status: 'Answer',
    invitedAt: 'Invited ({{zone}})',
    answeredAt: 'Answered ({{zone}})',
    round: 'Round {{number}}: {{time}}',
  },
  waitlisted: '{{workshop}} (waiting list)',
  programme: {
    heading: 'Programme',
    noParts: 'No programme items yet.',
    parallel: 'At the same time: one of {{count}}',
    allDay: 'All day',
    asOf: 'As of {{date}}',
    page: 'Page {{page}} of {{pages}}',
  },
};
