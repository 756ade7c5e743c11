import { Injectable } from '@nestjs/common';
import { Actor } from '@app/planning';
import { messagesFor } from '@app/presentation';
import { RegistrationAnswersService } from '@app/registration';
import { ParticipantColumnOptions, ParticipantColumns, ParticipantColumnSource } from './participant-columns';

/**
 * The answers to the event's registration questions as columns of the participant list, one per
 * question the actor may read (registration's own rule decides; sensitive ones only when asked).
 */
@Injectable()
export class RegistrationColumns implements ParticipantColumnSource {
  constructor(private readonly answers: RegistrationAnswersService) {}

  async forExport(
    eventId: string,
    actor: Actor,
    options: ParticipantColumnOptions,
  ): Promise<ParticipantColumns> {
    const { columns, rows } = await this.answers.forExport(eventId, actor, options);
    const { t } = messagesFor(options.language);
    const cell = (value: string | string[] | boolean | null): string | null =>
      value === null
        ? null
        : typeof value === 'boolean'
          ? t(value ? 'exports.yes' : 'exports.no')
          : [value].flat().join('; ');
    return {
      labels: columns.map((column) => column.label),
      values: new Map([...rows].map(([invitationId, values]) => [invitationId, values.map(cell)])),
    };
  }
}
