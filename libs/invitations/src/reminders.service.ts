import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EmailsService } from '@app/emails';
import { Event } from '@app/planning';
import { Recipient, remindedRecipients } from './recipients';
import { upcomingReminderTimes } from './reminder-times';

export type RemindedEvent = Pick<
  Event,
  'id' | 'startsAt' | 'startZone' | 'reminderOffsets' | 'sequence' | 'status'
>;

/**
 * Reminder schedules live in the outbox as email rows due at their time, written in the same
 * transaction as the answer or change that causes them; Redis losing data loses none of them.
 * Changing a schedule marks the pending rows skipped and writes fresh ones, so a person who
 * declines and accepts again, or an event moved back, gets exactly one reminder per offset.
 */
@Injectable()
export class RemindersService {
  constructor(private readonly emails: EmailsService) {}

  async schedule(
    manager: EntityManager,
    event: RemindedEvent,
    recipients: Array<Pick<Recipient, 'invitationId' | 'personId'>>,
    now = new Date(),
  ): Promise<void> {
    if (event.status === 'cancelled' || recipients.length === 0) return;
    const times = upcomingReminderTimes(event.startsAt, event.startZone, event.reminderOffsets, now);
    if (times.length === 0) return;
    // Keys stay unique across reschedules; within one transaction each (person, offset) is written once.
    const batch = randomBytes(4).toString('hex');
    const start = event.startsAt.toISOString();
    await this.emails.queue(
      manager,
      recipients.flatMap((recipient) =>
        times.map((time) => ({
          kind: 'reminder' as const,
          eventId: event.id,
          personId: recipient.personId,
          invitationId: recipient.invitationId,
          dedupeKey: `reminder:${recipient.invitationId}:${event.id}:${start}:${time.offsetMinutes}:${batch}`,
          sendAt: time.sendAt,
          eventSequence: event.sequence,
          eventStartsAt: event.startsAt,
          offsetMinutes: time.offsetMinutes,
        })),
      ),
    );
  }

  async stop(manager: EntityManager, eventId: string, reason: string, invitationId?: string): Promise<void> {
    await this.emails.skipObsolete(manager, { eventId, kinds: ['reminder'], invitationId, reason });
  }

  /** Every reminder of an event anew: it moved, its offsets changed, or it was cancelled or reopened. */
  async refresh(manager: EntityManager, event: RemindedEvent, reason: string): Promise<void> {
    await this.stop(manager, event.id, reason);
    await this.schedule(manager, event, await remindedRecipients(manager, event.id));
  }
}
