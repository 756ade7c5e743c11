import { DateTime } from 'luxon';
import { InvitationView } from '@app/invitations';
import { messagesFor, Messages } from '@app/presentation';
import { CellValue, ParticipantColumns } from './participant-columns';
import { roundsOf } from './rounds';

export type ColumnKind = 'text' | 'date';

export interface ParticipantColumn {
  header: string;
  kind: ColumnKind;
}

/** The participant list as a table: what the CSV and the XLSX file both write. */
export interface ParticipantTable {
  columns: ParticipantColumn[];
  rows: CellValue[][];
  /** The zone dates are shown in: the event's, where its coordinators are. */
  zone: string;
}

/** A part of the event with seats (a workshop, a session), as the seat columns name it. */
export interface SeatedPart {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ParticipantTableInput {
  zone: string;
  parts: SeatedPart[];
  invitations: InvitationView[];
  organisationNames: ReadonlyMap<string, string>;
  extraColumns: ParticipantColumns[];
  messages: Messages;
}

/**
 * One row per invitation: the person, their answer and when they gave it, then one column per
 * round of parallel workshops (a coordinator filters a round's column to get a workshop's list),
 * then the columns of other libs. Contact data hidden from the reader stays empty.
 */
export function participantTable(input: ParticipantTableInput): ParticipantTable {
  const { messages, zone } = input;
  const { t } = messages;
  const rounds = roundsOf(input.parts);
  const columns: ParticipantColumn[] = [
    ...(['name', 'email', 'organisation', 'department', 'language', 'status'] as const).map((key) => ({
      header: t(`exports.columns.${key}`),
      kind: 'text' as const,
    })),
    { header: t('exports.columns.invitedAt', { zone }), kind: 'date' },
    { header: t('exports.columns.answeredAt', { zone }), kind: 'date' },
    ...rounds.map((round, index) => ({
      header: t('exports.columns.round', { number: index + 1, time: roundTime(round, zone, messages) }),
      kind: 'text' as const,
    })),
    ...input.extraColumns.flatMap((extra) =>
      extra.labels.map((header) => ({ header, kind: 'text' as const })),
    ),
  ];
  const rows = input.invitations.map((invitation): CellValue[] => {
    const { person } = invitation;
    const contact = person.contactVisible ? person : null;
    return [
      person.name,
      contact?.email ?? null,
      person.organisationId ? (input.organisationNames.get(person.organisationId) ?? null) : null,
      contact?.department ?? null,
      contact ? messagesFor(contact.locale).t('common.languageName') : null,
      t(`console.answers.statuses.${invitation.status}`),
      invitation.createdAt,
      invitation.respondedAt,
      ...rounds.map((round) => seatsIn(round, invitation, messages)),
      ...input.extraColumns.flatMap((extra) => {
        const values = extra.values.get(invitation.id) ?? [];
        return extra.labels.map((_, index) => values[index] ?? null);
      }),
    ];
  });
  return { columns, rows, zone };
}

/** The seats the invitee holds or waits for in one round; usually one. */
function seatsIn(round: SeatedPart[], invitation: InvitationView, messages: Messages): string | null {
  const held = round.flatMap((part) =>
    invitation.choices
      .filter((choice) => choice.workshopId === part.id && choice.status !== 'withdrawn')
      .map((choice) =>
        choice.status === 'confirmed'
          ? part.title
          : messages.t('exports.waitlisted', { workshop: part.title }),
      ),
  );
  return held.length > 0 ? held.join('; ') : null;
}

/** "Thu, 1 May, 10:00–12:00": when a round runs, at the event's place. */
function roundTime(round: SeatedPart[], zone: string, messages: Messages): string {
  const start = DateTime.fromJSDate(round[0].startsAt, { zone }).setLocale(messages.intlLocale);
  const end = DateTime.fromMillis(Math.max(...round.map((part) => part.endsAt.getTime())), { zone });
  const day = start.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  return `${day}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
}
