import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, decodeCursor, encodeCursor, Page, PageRequest, pageSize } from '@app/planning';
import { endpointFor } from './endpoint-access';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { PING_EVENT_TYPE, WebhookDeliveryStatus } from './webhook-event-types';
import { messageBody } from './webhook-payloads';
import { generateMessageId } from './webhook-signature';
import { WebhookRelayNudge } from './relay-nudge';
import { WebhooksError } from './webhooks.error';

export interface DeliveryFilter extends PageRequest {
  status?: WebhookDeliveryStatus;
}

/** The delivery log of an endpoint, and the deliveries its owner asks for: a redelivery, a ping. */
@Injectable()
export class WebhookLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nudge: WebhookRelayNudge,
  ) {}

  /** Newest first, in pages that stay stable while deliveries are added. */
  async list(actor: Actor, endpointId: string, filter: DeliveryFilter): Promise<Page<WebhookDelivery>> {
    await endpointFor(this.dataSource.manager, actor, endpointId, 'read');
    const limit = pageSize(filter);
    const query = this.dataSource
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .where('delivery.endpointId = :endpointId', { endpointId });
    if (filter.status) query.andWhere('delivery.status = :status', { status: filter.status });
    if (filter.cursor) query.andWhere('delivery.seq < :before', { before: cursorSeq(filter.cursor) });
    const rows = await query
      .orderBy('delivery.seq', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.seq, last.id) : null };
  }

  async get(actor: Actor, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    await endpointFor(this.dataSource.manager, actor, endpointId, 'read');
    return this.delivery(this.dataSource.manager, endpointId, deliveryId);
  }

  /**
   * Sends a finished delivery again, as a new delivery of the same message (same webhook-id, so
   * a receiver that got it before can tell), with a fresh round of attempts.
   */
  async redeliver(actor: Actor, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
    const delivery = await this.dataSource.transaction(async (manager) => {
      const endpoint = await endpointFor(manager, actor, endpointId, 'manage');
      assertEnabled(endpoint);
      const original = await this.delivery(manager, endpointId, deliveryId);
      if (original.status === 'pending' || original.status === 'delivering') {
        throw new WebhooksError(
          'conflict',
          'delivery_in_progress',
          `Delivery ${deliveryId} is still ${original.status}; it can be sent again once it is delivered or failed.`,
        );
      }
      return manager.save(
        manager.create(WebhookDelivery, {
          endpointId,
          messageId: original.messageId,
          eventType: original.eventType,
          body: original.body,
          redeliveryOf: original.id,
        }),
      );
    });
    this.nudge.soon();
    return this.reload(delivery.id);
  }

  /** A `webhook.ping` to this endpoint alone, whatever it subscribes to: to try the receiver. */
  async ping(actor: Actor, endpointId: string): Promise<WebhookDelivery> {
    const delivery = await this.dataSource.transaction(async (manager) => {
      const endpoint = await endpointFor(manager, actor, endpointId, 'manage');
      assertEnabled(endpoint);
      return manager.save(
        manager.create(WebhookDelivery, {
          endpointId,
          messageId: generateMessageId(),
          eventType: PING_EVENT_TYPE,
          body: messageBody({
            type: PING_EVENT_TYPE,
            timestamp: new Date().toISOString(),
            data: { endpointId, organisationId: endpoint.organisationId },
          }),
        }),
      );
    });
    this.nudge.soon();
    return this.reload(delivery.id);
  }

  private async delivery(manager: EntityManager, endpointId: string, id: string): Promise<WebhookDelivery> {
    const delivery = await manager.findOneBy(WebhookDelivery, { id, endpointId });
    if (!delivery) throw WebhooksError.notFound('webhook_delivery', id);
    return delivery;
  }

  /** With the columns the database filled in (seq, defaults). */
  private reload(id: string): Promise<WebhookDelivery> {
    return this.dataSource.manager.findOneByOrFail(WebhookDelivery, { id });
  }
}

function assertEnabled(endpoint: WebhookEndpoint): void {
  if (!endpoint.enabled) {
    throw new WebhooksError(
      'conflict',
      'endpoint_disabled',
      `The endpoint is disabled (${endpoint.disabledReason ?? 'no reason recorded'}); enable it first.`,
    );
  }
}

function cursorSeq(cursor: string): string {
  const [seq] = decodeCursor(cursor);
  if (typeof seq !== 'string' || !/^\d{1,18}$/.test(seq)) {
    throw WebhooksError.invalid('cursor', 'The cursor is not one this API handed out.');
  }
  return seq;
}
