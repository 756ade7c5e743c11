import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { WebhookEndpointsService, WebhookLogService } from '@app/webhooks';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryQueryDto,
} from './webhook-endpoint.dto';
import { toDeliveryPage, toDeliveryView, toEndpointView, toEndpointWithSecretView } from './webhook.view';

const ACCESS =
  "An organisation's keys of every role read its endpoints and their deliveries (never the secret); its organiser keys and admin keys manage them. Other organisations' keys get 404.";

/** Webhook endpoints of organisations and their delivery log; see docs/webhooks.md. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller()
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly log: WebhookLogService,
  ) {}

  @Post('organisations/:id/webhook-endpoints')
  @ApiOperation({
    summary: 'Register a webhook endpoint. The signing secret is in the answer once and never again.',
    description: ACCESS,
  })
  async create(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() organisationId: string,
    @Body() body: CreateWebhookEndpointDto,
  ) {
    return toEndpointWithSecretView(await this.endpoints.create(actor, organisationId, body));
  }

  @Get('organisations/:id/webhook-endpoints')
  @ApiOperation({ summary: "An organisation's webhook endpoints", description: ACCESS })
  async list(@CurrentActor() actor: AuthenticatedKey, @IdParam() organisationId: string) {
    return (await this.endpoints.list(actor, organisationId)).map(toEndpointView);
  }

  @Get('webhook-endpoints/:id')
  @ApiOperation({ summary: 'One webhook endpoint, with why it is disabled if it is', description: ACCESS })
  async get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEndpointView(await this.endpoints.get(actor, id));
  }

  @Patch('webhook-endpoints/:id')
  @ApiOperation({
    summary: 'Change the URL, description or event types; disable or re-enable',
    description: ACCESS,
  })
  async update(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: UpdateWebhookEndpointDto,
  ) {
    return toEndpointView(await this.endpoints.update(actor, id, body));
  }

  @Delete('webhook-endpoints/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log', description: ACCESS })
  async remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string): Promise<void> {
    await this.endpoints.remove(actor, id);
  }

  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the signing secret; the new one is in the answer once',
    description: `The previous secret keeps signing (a second signature in webhook-signature) until previousSecretExpiresAt (WEBHOOK_SECRET_OVERLAP_HOURS). ${ACCESS}`,
  })
  async rotateSecret(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEndpointWithSecretView(await this.endpoints.rotateSecret(actor, id));
  }

  @Post('webhook-endpoints/:id/ping')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a webhook.ping to this endpoint; follow it in the delivery log',
    description: ACCESS,
  })
  async ping(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toDeliveryView(await this.log.ping(actor, id));
  }

  @Get('webhook-endpoints/:id/deliveries')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first", description: ACCESS })
  async deliveries(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ) {
    return toDeliveryPage(await this.log.list(actor, id, query));
  }

  @Get('webhook-endpoints/:id/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery', description: ACCESS })
  async delivery(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ) {
    return toDeliveryView(await this.log.get(actor, id, deliveryId));
  }

  @Post('webhook-endpoints/:id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivered or failed delivery again, as a new delivery with the same webhook-id',
    description: ACCESS,
  })
  async redeliver(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ) {
    return toDeliveryView(await this.log.redeliver(actor, id, deliveryId));
  }
}
