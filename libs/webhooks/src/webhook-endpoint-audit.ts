import { AuditActor, AuditRecord, changedFields, FieldValues, initialFields } from '@app/audit';
import { WebhookEndpoint } from './webhook-endpoint.entity';

type EndpointAction = Extract<AuditRecord['action'], `webhook_endpoint.${string}`>;

/** What the trail keeps of an endpoint: where to and what; never a secret. */
export function endpointFields(endpoint: WebhookEndpoint): FieldValues {
  return {
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes,
    enabled: endpoint.enabled,
  };
}

/** An endpoint's entries concern its organisation. */
export function endpointRecord(
  actor: AuditActor,
  action: EndpointAction,
  endpoint: WebhookEndpoint,
  before: FieldValues | null,
): AuditRecord {
  const after = endpointFields(endpoint);
  return {
    actor,
    action,
    recordType: 'webhook_endpoint',
    recordId: endpoint.id,
    organisationIds: [endpoint.organisationId],
    changes:
      action === 'webhook_endpoint.deleted'
        ? changedFields(after, {})
        : before === null
          ? initialFields(after)
          : changedFields(before, after),
  };
}
