import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EmailRequest, EmailsService } from '@app/emails';
import { Event, EventChange, EventChangeListener, EventChangeListeners } from '@app/planning';
import { descendantIds, informedRecipients } from './recipients';
import { RemindersService } from './reminders.service';
import { SeatsService } from './seats.service';

/**
 * Keeps invited people in step with their events, inside the transaction that changes the event:
 * update or cancellation emails when what a calendar shows changes, reminders moved with the
 * event, and seats given to the waitlist when the capacity grows.
 *
 * Planning calls this through its EventChangeListeners registry rather than importing this lib,
 * so the dependency runs one way only (invitations -> planning) and planning stays free of email.
 */
@Injectable()
export class InvitationUpdates implements EventChangeListener, OnModuleInit {
  constructor(
    private readonly listeners: EventChangeListeners,
    private readonly emails: EmailsService,
    private readonly reminders: RemindersService,
    private readonly seats: SeatsService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async eventChanged(manager: EntityManager, { event, before }: EventChange): Promise<void> {
    const cancelled = event.status === 'cancelled' && before.status !== 'cancelled';
    const reopened = event.status !== 'cancelled' && before.status === 'cancelled';
    const moved = event.startsAt.getTime() !== before.startsAt.getTime();
    const offsetsChanged = event.reminderOffsets.join() !== before.reminderOffsets.join();

    if (event.sequence !== before.sequence) await this.inform(manager, event, cancelled);
    if (cancelled || reopened || moved || offsetsChanged) {
      const reason = cancelled ? 'event cancelled' : moved ? 'event moved' : 'reminders rescheduled';
      await this.reminders.refresh(manager, event, reason);
    }
    // Seats inside a cancelled event are not reminded of; reopening it brings their reminders back.
    if (cancelled || reopened) {
      const parts = await descendantIds(manager, event.id);
      const workshops = parts.length ? await manager.findBy(Event, { id: In(parts) }) : [];
      for (const workshop of workshops) {
        if (workshop.capacity !== null) {
          await this.reminders.refresh(
            manager,
            workshop,
            cancelled ? 'event cancelled' : 'reminders rescheduled',
          );
        }
      }
    }
    if (!cancelled && capacityGrew(before.capacity, event.capacity)) await this.seats.promote(manager, event);
  }

  eventChangeCommitted(): void {
    this.emails.dispatchSoon();
  }

  private async inform(manager: EntityManager, event: Event, cancelled: boolean): Promise<void> {
    const kind = cancelled ? 'cancellation' : 'update';
    const recipients = await informedRecipients(manager, event);
    const requests: EmailRequest[] = recipients.map((recipient) => ({
      kind,
      eventId: event.id,
      personId: recipient.personId,
      invitationId: recipient.invitationId,
      dedupeKey:
        recipient.invitedEventId === event.id
          ? `${kind}:${recipient.invitationId}:${event.sequence}`
          : `${kind}:${recipient.invitationId}:${event.id}:${event.sequence}`,
      eventSequence: event.sequence,
    }));
    await this.emails.queue(manager, requests);
  }
}

function capacityGrew(before: number | null, after: number | null): boolean {
  if (after === null) return before !== null;
  return before !== null && after > before;
}
