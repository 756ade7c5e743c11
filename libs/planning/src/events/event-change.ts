import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Event } from './event.entity';

export type EventBefore = Pick<
  Event,
  'startsAt' | 'endsAt' | 'status' | 'capacity' | 'reminderOffsets' | 'sequence'
>;

/** A part (workshop, session, leg) that a change of the event around it carried along. */
export interface PartChange {
  event: Event;
  before: EventBefore;
}

/** An update of an event as listeners see it: saved inside the transaction, not yet committed. */
export interface EventChange {
  event: Event;
  before: EventBefore;
  changedFields: string[];
  /**
   * Parts at any depth that were cancelled, brought back or moved with the event, saved in the
   * same transaction. Listeners treat the whole as one change (one email per person, not one per part).
   */
  parts: PartChange[];
}

/**
 * Implemented by libs that must act when an event changes, e.g. invitations queue update emails
 * and move reminders. They register themselves, so planning depends on none of them.
 */
export interface EventChangeListener {
  /** Runs inside the transaction of the change, so its writes commit or roll back with it. */
  eventChanged(manager: EntityManager, change: EventChange): Promise<void>;
  /** Runs after that transaction committed; must not throw. */
  eventChangeCommitted?(change: EventChange): void;
  /** Runs inside the transaction that created the event (or part). */
  eventCreated?(manager: EntityManager, event: Event): Promise<void>;
  /** Runs after that transaction committed; must not throw. */
  eventCreateCommitted?(event: Event): void;
}

@Injectable()
export class EventChangeListeners {
  private readonly listeners: EventChangeListener[] = [];

  register(listener: EventChangeListener): void {
    this.listeners.push(listener);
  }

  async changed(manager: EntityManager, change: EventChange): Promise<void> {
    for (const listener of this.listeners) await listener.eventChanged(manager, change);
  }

  committed(change: EventChange): void {
    for (const listener of this.listeners) listener.eventChangeCommitted?.(change);
  }

  async created(manager: EntityManager, event: Event): Promise<void> {
    for (const listener of this.listeners) await listener.eventCreated?.(manager, event);
  }

  createCommitted(event: Event): void {
    for (const listener of this.listeners) listener.eventCreateCommitted?.(event);
  }
}
