import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EmailRequest, EmailsService } from '@app/emails';
import { Event, EventChange, EventChangeListener, EventChangeListeners } from '@app/planning';
import { informedRecipients, invitedTo, Recipient } from './recipients';
import { RemindersService } from './reminders.service';
import { SeatsService } from './seats.service';

/**
 * Keeps invited people in step with their events, inside the transaction that changes the event:
 * update or cancellation emails when what a calendar shows changes, reminders moved with the
 * event and the parts it carried along, and seats given to the waitlist when the capacity grows
 * or a cancelled event or part comes back.
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

  async eventChanged(manager: EntityManager, change: EventChange): Promise<void> {
    const { event, before, parts } = change;
    const cancelled = event.status === 'cancelled' && before.status !== 'cancelled';
    const offsetsChanged = event.reminderOffsets.join() !== before.reminderOffsets.join();

    if (event.sequence !== before.sequence) await this.inform(manager, change);
    // The event and every part carried along: cancelled ones are not reminded of, brought back
    // or moved ones anew; seats free in a part brought back go to its waitlist.
    for (const { event: changed, before: was } of [{ event, before }, ...parts]) {
      const nowCancelled = changed.status === 'cancelled' && was.status !== 'cancelled';
      const reopened = changed.status !== 'cancelled' && was.status === 'cancelled';
      const moved = changed.startsAt.getTime() !== was.startsAt.getTime();
      if (nowCancelled || reopened || moved || (changed === event && offsetsChanged)) {
        const reason = nowCancelled ? 'event cancelled' : moved ? 'event moved' : 'reminders rescheduled';
        await this.reminders.refresh(manager, changed, reason);
      }
      if (reopened && changed.capacity !== null) await this.seats.promote(manager, changed);
    }
    if (!cancelled && capacityGrew(before.capacity, event.capacity)) await this.seats.promote(manager, event);
  }

  eventChangeCommitted(): void {
    this.emails.dispatchSoon();
  }

  /**
   * One email per person for the whole change: about the event for everyone who hears of it, and
   * about a part for those invited to that part alone. The email lists the parts in the person's
   * programme (the mail job reads them at send time), so a cancelled city day is one message that
   * names its cancelled workshops, not one message per workshop.
   */
  private async inform(manager: EntityManager, { event, parts }: EventChange): Promise<void> {
    const requests: EmailRequest[] = [];
    const informed = new Set<string>();
    const add = (about: Event, recipients: Recipient[]): void => {
      const kind = about.status === 'cancelled' ? 'cancellation' : 'update';
      for (const recipient of recipients) {
        if (informed.has(recipient.personId)) continue;
        informed.add(recipient.personId);
        requests.push({
          kind,
          eventId: about.id,
          personId: recipient.personId,
          invitationId: recipient.invitationId,
          dedupeKey:
            recipient.invitedEventId === about.id
              ? `${kind}:${recipient.invitationId}:${about.sequence}`
              : `${kind}:${recipient.invitationId}:${about.id}:${about.sequence}`,
          eventSequence: about.sequence,
        });
      }
    };
    add(event, await informedRecipients(manager, event));
    for (const part of parts) add(part.event, await invitedTo(manager, part.event.id));
    await this.emails.queue(manager, requests);
  }
}

function capacityGrew(before: number | null, after: number | null): boolean {
  if (after === null) return before !== null;
  return before !== null && after > before;
}
