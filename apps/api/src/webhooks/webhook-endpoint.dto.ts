import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
} from 'class-validator';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryStatus,
  WebhookEventType,
} from '@app/webhooks';
import { IsOmittable } from '../http/is-omittable.decorator';
import { PageQueryDto } from '../http/page.dto';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    example: 'https://hooks.arnsberg.example/treffpunkt',
    description: 'HTTPS only; the host must be public unless an operator allows it (WEBHOOK_ALLOWED_HOSTS).',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ example: 'Registrations into the CRM' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: WebhookEventType[];
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];

  @ApiPropertyOptional({
    description: 'true re-enables an endpoint that was disabled (and resets its failure count).',
  })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOmittable()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
}
