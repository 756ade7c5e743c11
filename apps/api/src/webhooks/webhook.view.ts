import { Page } from '@app/planning';
import { WebhookDelivery, WebhookEndpoint } from '@app/webhooks';

/** An endpoint as every key of its organisation may see it: never with a secret. */
export function toEndpointView(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    organisationId: endpoint.organisationId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt,
    failedInARow: endpoint.failedInARow,
    previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

/** The secret goes out here and on rotation only; it cannot be read again. */
export function toEndpointWithSecretView(result: { endpoint: WebhookEndpoint; secret: string }) {
  return { ...toEndpointView(result.endpoint), secret: result.secret };
}

export function toDeliveryView(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    messageId: delivery.messageId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    responseExcerpt: delivery.responseExcerpt,
    lastAttemptAt: delivery.lastAttemptAt,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    deliveredAt: delivery.deliveredAt,
    redeliveryOf: delivery.redeliveryOf,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}

export function toDeliveryPage(page: Page<WebhookDelivery>) {
  return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
}
