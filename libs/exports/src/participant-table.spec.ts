import { InvitationView } from '@app/invitations';
import { messagesFor } from '@app/presentation';
import { participantTable } from './participant-table';

const at = (hour: number) => new Date(Date.UTC(2031, 4, 15, hour));

function invitation(id: string, name: string, choices: InvitationView['choices'] = []): InvitationView {
  return {
    id,
    eventId: 'event',
    status: 'accepted',
    respondedAt: at(6),
    createdAt: at(5),
    updatedAt: at(6),
    person: { id: `person-${id}`, name, organisationId: 'moro', contactVisible: false },
    choices,
  };
}

describe(participantTable.name, () => {
  const parts = [
    { id: 'klima', title: 'Klimaschutz', startsAt: at(8), endsAt: at(10) },
    { id: 'digital', title: 'Digitalisierung', startsAt: at(8), endsAt: at(10) },
  ];

  it('should add the columns of other libs after its own, empty for invitations they do not know', () => {
    const arrival = new Date('2031-05-14T18:00:00Z');
    const table = participantTable({
      zone: 'Europe/Berlin',
      parts,
      invitations: [
        invitation('a', 'Amani', [
          { workshopId: 'digital', title: 'Digitalisierung', status: 'confirmed', requestedAt: at(6) },
        ]),
        invitation('b', 'Baraka'),
      ],
      organisationNames: new Map([['moro', 'Morogoro Municipal Council']]),
      extraColumns: [
        { labels: ['Dietary needs', 'Arrival'], values: new Map([['a', ['vegetarian', arrival]]]) },
      ],
      messages: messagesFor('en'),
    });
    expect(table.columns.map((column) => column.header).slice(8)).toEqual([
      'Round 1: Thu 15 May, 10:00–12:00',
      'Dietary needs',
      'Arrival',
    ]);
    expect(table.rows[0]).toEqual([
      'Amani',
      null,
      'Morogoro Municipal Council',
      null,
      null,
      'Accepted',
      at(5),
      at(6),
      'Digitalisierung',
      'vegetarian',
      arrival,
    ]);
    expect(table.rows[1].slice(8)).toEqual([null, null, null]);
  });
});
