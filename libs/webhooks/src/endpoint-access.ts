import { EntityManager } from 'typeorm';
import { Actor, isAdmin } from '@app/planning';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhooksError } from './webhooks.error';

/**
 * Who may do what with an organisation's endpoints: its keys of every role read them (never the
 * secret), its organiser keys and admin keys manage them. To every other key they do not exist:
 * 404, so that ids of other organisations' endpoints tell nothing.
 */
export async function endpointFor(
  manager: EntityManager,
  actor: Actor,
  id: string,
  access: 'read' | 'manage',
): Promise<WebhookEndpoint> {
  const endpoint = await manager.findOneBy(WebhookEndpoint, { id });
  if (!endpoint || (!isAdmin(actor) && endpoint.organisationId !== actor.organisationId)) {
    throw WebhooksError.notFound('webhook_endpoint', id);
  }
  if (access === 'manage') assertManages(actor, endpoint.organisationId);
  return endpoint;
}

export function assertManages(actor: Actor, organisationId: string): void {
  if (actor.role === 'viewer') throw WebhooksError.forbidden('This API key may only read.');
  if (!isAdmin(actor) && actor.organisationId !== organisationId) {
    throw WebhooksError.forbidden("Your organisation may not manage another organisation's webhooks.");
  }
}

export function assertReads(actor: Actor, organisationId: string): void {
  if (!isAdmin(actor) && actor.organisationId !== organisationId) {
    throw WebhooksError.forbidden("Your organisation may not see another organisation's webhooks.");
  }
}
