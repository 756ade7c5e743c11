import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { WebhookEndpointsService, WebhookLogService } from '@app/webhooks';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryQueryDto,
} from './webhook-endpoint.dto';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import {
  toDeliveryPage,
  toDeliveryView,
  toEndpointView,
  toEndpointWithSecretView,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecretView,
} from './webhook.view';

const ACCESS =
  "An organisation's keys of every role read its endpoints and their deliveries (never the secret); its organiser keys and admin keys manage them. Other organisations' keys get 404.";

/** Webhook endpoints of organisations and their delivery log; see docs/webhooks.md. */
@ApiTags('webhooks')
@ApiKeyAuth()
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
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretView })
  @ApiProblems({ 403: ['forbidden'], 404: ['organisation_not_found'], 409: ['too_many_endpoints'] })
  async create(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() organisationId: string,
    @Body() body: CreateWebhookEndpointDto,
  ) {
    return toEndpointWithSecretView(await this.endpoints.create(actor, organisationId, body));
  }

  @Get('organisations/:id/webhook-endpoints')
  @ApiOperation({ summary: "An organisation's webhook endpoints", description: ACCESS })
  @ApiOkResponse({ type: [WebhookEndpointView] })
  @ApiProblems({ 403: ['forbidden'] })
  async list(@CurrentActor() actor: AuthenticatedKey, @IdParam() organisationId: string) {
    return (await this.endpoints.list(actor, organisationId)).map(toEndpointView);
  }

  @Get('webhook-endpoints/:id')
  @ApiOperation({ summary: 'One webhook endpoint, with why it is disabled if it is', description: ACCESS })
  @ApiOkResponse({ type: WebhookEndpointView })
  @ApiProblems({ 404: ['webhook_endpoint_not_found'] })
  async get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEndpointView(await this.endpoints.get(actor, id));
  }

  @Patch('webhook-endpoints/:id')
  @ApiOperation({
    summary: 'Change the URL, description or event types; disable or re-enable',
    description: ACCESS,
  })
  @ApiOkResponse({ type: WebhookEndpointView })
  @ApiProblems({ 403: ['forbidden'], 404: ['webhook_endpoint_not_found'] })
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
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['webhook_endpoint_not_found'] })
  async remove(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string): Promise<void> {
    await this.endpoints.remove(actor, id);
  }

  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the signing secret; the new one is in the answer once',
    description: `The previous secret keeps signing (a second signature in webhook-signature) until previousSecretExpiresAt (WEBHOOK_SECRET_OVERLAP_HOURS). ${ACCESS}`,
  })
  @ApiOkResponse({ type: WebhookEndpointWithSecretView })
  @ApiProblems({ 403: ['forbidden'], 404: ['webhook_endpoint_not_found'] })
  async rotateSecret(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toEndpointWithSecretView(await this.endpoints.rotateSecret(actor, id));
  }

  @Post('webhook-endpoints/:id/ping')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a webhook.ping to this endpoint; follow it in the delivery log',
    description: ACCESS,
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryView, description: 'The delivery, pending.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['webhook_endpoint_not_found'], 409: ['endpoint_disabled'] })
  async ping(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return toDeliveryView(await this.log.ping(actor, id));
  }

  @Get('webhook-endpoints/:id/deliveries')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first", description: ACCESS })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiProblems({ 404: ['webhook_endpoint_not_found'] })
  async deliveries(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: WebhookDeliveryQueryDto,
  ) {
    return toDeliveryPage(await this.log.list(actor, id, query));
  }

  @Get('webhook-endpoints/:id/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery', description: ACCESS })
  @ApiOkResponse({ type: WebhookDeliveryView })
  @ApiProblems({ 404: ['webhook_endpoint_not_found', 'webhook_delivery_not_found'] })
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
  @ApiAcceptedResponse({ type: WebhookDeliveryView, description: 'The new delivery, pending.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['webhook_endpoint_not_found', 'webhook_delivery_not_found'],
    409: ['endpoint_disabled', 'delivery_in_progress'],
  })
  async redeliver(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('deliveryId') deliveryId: string,
  ) {
    return toDeliveryView(await this.log.redeliver(actor, id, deliveryId));
  }
}
