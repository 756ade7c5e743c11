import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@app/audit';
import { webhooksConfig } from '@app/config';
import { Actor, findOrganisation } from '@app/planning';
import { HostAllowlist } from './address-policy';
import { checkDestination, DestinationRefused } from './destination';
import { assertManages, assertReads, endpointFor } from './endpoint-access';
import { endpointFields, endpointRecord } from './webhook-endpoint-audit';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from './webhook-event-types';
import { generateWebhookSecret } from './webhook-signature';
import { WebhooksError } from './webhooks.error';

/** An organisation needs a few receivers, not hundreds; the cap keeps a fan-out per change small. */
export const MAX_ENDPOINTS_PER_ORGANISATION = 20;

export interface EndpointInput {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
}

export interface EndpointChanges {
  url?: string;
  description?: string;
  eventTypes?: WebhookEventType[];
  enabled?: boolean;
}

/** The secret in plain text: in the answer to creation and rotation only. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

@Injectable()
export class WebhookEndpointsService {
  private readonly logger = new Logger(WebhookEndpointsService.name);
  private readonly allowlist: HostAllowlist;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(webhooksConfig.KEY) private readonly settings: ConfigType<typeof webhooksConfig>,
    private readonly audit: AuditTrail,
  ) {
    this.allowlist = new HostAllowlist(settings.allowedHosts);
  }

  async create(actor: Actor, organisationId: string, input: EndpointInput): Promise<EndpointWithSecret> {
    assertManages(actor, organisationId);
    const url = await this.acceptableUrl(input.url);
    const eventTypes = acceptableEventTypes(input.eventTypes);
    return this.dataSource.transaction(async (manager) => {
      // Locks the organisation, so that two creations at once cannot pass the cap together.
      const organisation = await findOrganisation(manager, organisationId, true);
      if (!organisation) throw WebhooksError.notFound('organisation', organisationId);
      const count = await manager.countBy(WebhookEndpoint, { organisationId });
      if (count >= MAX_ENDPOINTS_PER_ORGANISATION) {
        throw new WebhooksError(
          'conflict',
          'too_many_endpoints',
          `An organisation has at most ${MAX_ENDPOINTS_PER_ORGANISATION} webhook endpoints; delete one first.`,
        );
      }
      const secret = generateWebhookSecret();
      const endpoint = await manager.save(
        manager.create(WebhookEndpoint, {
          organisationId,
          url,
          description: input.description?.trim() ?? '',
          eventTypes,
          secret,
        }),
      );
      await this.audit.record(manager, endpointRecord(actor.who, 'webhook_endpoint.created', endpoint, null));
      this.logger.log(`Webhook endpoint ${endpoint.id} created for organisation ${organisationId}`);
      return { endpoint: withoutSecrets(endpoint), secret };
    });
  }

  async list(actor: Actor, organisationId: string): Promise<WebhookEndpoint[]> {
    assertReads(actor, organisationId);
    return this.dataSource.manager.find(WebhookEndpoint, {
      where: { organisationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  get(actor: Actor, id: string): Promise<WebhookEndpoint> {
    return endpointFor(this.dataSource.manager, actor, id, 'read');
  }

  async update(actor: Actor, id: string, changes: EndpointChanges): Promise<WebhookEndpoint> {
    const url = changes.url === undefined ? undefined : await this.acceptableUrl(changes.url);
    const eventTypes =
      changes.eventTypes === undefined ? undefined : acceptableEventTypes(changes.eventTypes);
    return this.dataSource.transaction(async (manager) => {
      const endpoint = await endpointFor(manager, actor, id, 'manage');
      const before = endpointFields(endpoint);
      if (url !== undefined) endpoint.url = url;
      if (eventTypes !== undefined) endpoint.eventTypes = eventTypes;
      if (changes.description !== undefined) endpoint.description = changes.description.trim();
      if (changes.enabled === true && !endpoint.enabled) {
        Object.assign(endpoint, { enabled: true, disabledReason: null, disabledAt: null, failedInARow: 0 });
      } else if (changes.enabled === false && endpoint.enabled) {
        Object.assign(endpoint, {
          enabled: false,
          disabledReason: 'Disabled through the API.',
          disabledAt: new Date(),
        });
      }
      const saved = await manager.save(endpoint);
      const record = endpointRecord(actor.who, 'webhook_endpoint.updated', saved, before);
      if (record.changes?.length) await this.audit.record(manager, record);
      return saved;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const endpoint = await endpointFor(manager, actor, id, 'manage');
      await manager.delete(WebhookEndpoint, { id: endpoint.id });
      await this.audit.record(manager, endpointRecord(actor.who, 'webhook_endpoint.deleted', endpoint, null));
    });
    this.logger.log(`Webhook endpoint ${id} deleted`);
  }

  /**
   * A new secret signs from now on; the previous one signs too (a second signature) for the
   * configured overlap, so that receivers can switch without refusing a message meanwhile.
   */
  async rotateSecret(actor: Actor, id: string): Promise<EndpointWithSecret> {
    return this.dataSource.transaction(async (manager) => {
      const { id: endpointId } = await endpointFor(manager, actor, id, 'manage');
      const endpoint = await manager
        .getRepository(WebhookEndpoint)
        .createQueryBuilder('endpoint')
        .addSelect('endpoint.secret')
        .where('endpoint.id = :endpointId', { endpointId })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const secret = generateWebhookSecret();
      const overlap = this.settings.secretOverlapMs;
      endpoint.previousSecret = overlap > 0 ? endpoint.secret : null;
      endpoint.previousSecretExpiresAt = overlap > 0 ? new Date(Date.now() + overlap) : null;
      endpoint.secret = secret;
      const saved = await manager.save(endpoint);
      await this.audit.record(manager, endpointRecord(actor.who, 'webhook_endpoint.secret_rotated', saved, endpointFields(saved)));
      this.logger.log(`Webhook endpoint ${endpointId}: secret rotated`);
      return { endpoint: withoutSecrets(saved), secret };
    });
  }

  /** HTTPS only, no credentials in the URL, and a destination the address rules allow. */
  private async acceptableUrl(text: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(text.trim());
    } catch {
      throw WebhooksError.invalid(
        'url',
        'url: must be an absolute URL such as https://hooks.example.org/treffpunkt',
      );
    }
    if (url.protocol !== 'https:')
      throw WebhooksError.invalid('url', 'url: webhooks are sent over HTTPS only.');
    if (url.username || url.password) {
      throw WebhooksError.invalid(
        'url',
        'url: must not contain a user name or password; the signature authenticates us.',
      );
    }
    if (url.hash) throw WebhooksError.invalid('url', 'url: must not contain a fragment (#…).');
    try {
      await checkDestination(url, this.allowlist);
    } catch (error) {
      if (error instanceof DestinationRefused) throw WebhooksError.invalid('url', `url: ${error.message}`);
      throw error;
    }
    return url.toString();
  }
}

function acceptableEventTypes(types: WebhookEventType[]): WebhookEventType[] {
  const unknown = types.filter((type) => !WEBHOOK_EVENT_TYPES.includes(type));
  if (unknown.length > 0 || types.length === 0) {
    throw WebhooksError.invalid(
      'eventTypes',
      `eventTypes: each must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
    );
  }
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}

function withoutSecrets(endpoint: WebhookEndpoint): WebhookEndpoint {
  const copy = Object.assign(new WebhookEndpoint(), endpoint);
  delete (copy as Partial<WebhookEndpoint>).secret;
  delete (copy as Partial<WebhookEndpoint>).previousSecret;
  return copy;
}
