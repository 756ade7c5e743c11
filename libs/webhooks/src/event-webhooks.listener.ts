import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event, EventChange, EventChangeListener, EventChangeListeners } from '@app/planning';
import { eventChangeData, eventChangeType, eventSnapshot } from './webhook-payloads';
import { WebhookOutbox } from './webhook-outbox.service';

/**
 * Tells the hosts of an event of its creation and changes, in the transaction that makes them.
 * One message per change: a cancelled city day is one `event.cancelled` that lists the parts
 * cancelled with it. Planning calls this through its listener registry, so it depends on no
 * webhook code.
 */
@Injectable()
export class EventWebhooks implements EventChangeListener, OnModuleInit {
  constructor(
    private readonly listeners: EventChangeListeners,
    private readonly outbox: WebhookOutbox,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async eventCreated(manager: EntityManager, event: Event): Promise<void> {
    await this.outbox.publish(manager, {
      type: 'event.created',
      eventId: event.id,
      data: { event: eventSnapshot(event) },
      occurredAt: event.createdAt,
    });
  }

  eventCreateCommitted(): void {
    this.outbox.dispatchSoon();
  }

  async eventChanged(manager: EntityManager, change: EventChange): Promise<void> {
    await this.outbox.publish(manager, {
      type: eventChangeType(change),
      eventId: change.event.id,
      data: eventChangeData(change),
      occurredAt: change.event.updatedAt,
    });
  }

  eventChangeCommitted(): void {
    this.outbox.dispatchSoon();
  }
}
