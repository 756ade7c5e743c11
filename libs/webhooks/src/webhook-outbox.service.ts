import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { hostOrganisationIdsOf } from '@app/planning';
import { messageBody, WebhookMessage } from './webhook-payloads';
import { WebhookEventType } from './webhook-event-types';
import { generateMessageId } from './webhook-signature';
import { WebhookRelayNudge } from './relay-nudge';

/** Something that happened to an event, for the organisations that host or co-host it. */
export interface WebhookNotice {
  type: WebhookEventType;
  /** Whose hosts and co-hosts receive it. */
  eventId: string;
  data: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * Producers (planning's event changes, invitations, the email outbox) write deliveries here,
 * inside the transaction of the change they tell of: they exist exactly when it is committed.
 */
@Injectable()
export class WebhookOutbox {
  constructor(private readonly nudge: WebhookRelayNudge) {}

  /**
   * One delivery per enabled endpoint of a host or co-host that subscribes to the type, all of
   * the same message (one webhook-id). One insert, however many endpoints, and none at all
   * when nobody subscribes; the hosts come from planning, in the caller's transaction.
   */
  async publish(manager: EntityManager, notice: WebhookNotice): Promise<number> {
    const message: WebhookMessage = {
      type: notice.type,
      timestamp: (notice.occurredAt ?? new Date()).toISOString(),
      data: notice.data,
    };
    const hosts = await hostOrganisationIdsOf(manager, notice.eventId);
    if (hosts.length === 0) return 0;
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, body)
       SELECT w.id, $1::varchar, $2::varchar, $3::text FROM webhook_endpoints w
        WHERE w.enabled AND $2::varchar = ANY(w.event_types) AND w.organisation_id = ANY($4::uuid[])
       RETURNING id`,
      [generateMessageId(), notice.type, messageBody(message), hosts],
    );
    return inserted.length;
  }

  /**
   * Which of `types` an enabled endpoint of the event's hosts and co-hosts subscribes to: two
   * indexed reads (the hosts from planning, then their endpoints), so that a producer can leave out the work of a message nobody receives.
   * Call it in the producer's transaction, at the point where it would publish: it sees the
   * endpoints committed before it, exactly as publish()'s INSERT…SELECT would, so an endpoint
   * registered while the change was under way (before this read) still gets its messages.
   */
  async subscribedTypes<Type extends WebhookEventType>(
    manager: EntityManager,
    eventId: string,
    types: Type[],
  ): Promise<Set<Type>> {
    if (types.length === 0) return new Set();
    const hosts = await hostOrganisationIdsOf(manager, eventId);
    if (hosts.length === 0) return new Set();
    const rows: Array<{ type: Type }> = await manager.query(
      `SELECT DISTINCT t.type FROM webhook_endpoints w
         JOIN unnest($2::varchar[]) AS t(type) ON t.type = ANY(w.event_types)
        WHERE w.enabled AND w.organisation_id = ANY($1::uuid[])`,
      [hosts, types],
    );
    return new Set(rows.map((row) => row.type));
  }

  /** Call after the transaction that published committed. */
  dispatchSoon(): void {
    this.nudge.soon();
  }
}
