/**
 * What an endpoint can subscribe to. Names are part of what receivers store and switch on:
 * never rename one once released. `webhook.ping` is not subscribable: it goes to the endpoint a
 * test ping was asked for, whatever it subscribes to.
 */
export const WEBHOOK_EVENT_TYPES = [
  /** An invited person answered or changed their answer (incl. the seat or waitlist outcome). */
  'invitation.answered',
  /**
   * An answer registered someone for an event: they now attend or wait for a seat. Open sign-up
   * (issue 11) will send the same type for people who register without an invitation.
   */
  'registration.created',
  /**
   * Someone waiting got a seat because another gave theirs up (declined, was withdrawn or erased),
   * or because the capacity grew: in the event itself or in a workshop of it.
   */
  'registration.promoted',
  /** A registration ended: the person declined after registering, or the organiser withdrew the invitation. */
  'registration.cancelled',
  'event.created',
  /** Title, venue, capacity, online address or reminders changed (not the times or the status). */
  'event.updated',
  /** Start, end, zones or all-day changed. */
  'event.moved',
  'event.cancelled',
  'event.uncancelled',
  /** An email about one of the organisation's events failed for good (no further attempts). */
  'email.failed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const PING_EVENT_TYPE = 'webhook.ping';
export type DeliveredEventType = WebhookEventType | typeof PING_EVENT_TYPE;

/**
 * pending: waiting for its (next) attempt; delivering: a worker is sending it; delivered: the
 * receiver answered 2xx; failed: no further attempt (attempts used up, refused destination, or
 * the endpoint disabled or deleted).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
