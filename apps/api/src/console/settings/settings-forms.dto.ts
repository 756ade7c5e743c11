import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction } from '@app/audit';
import { Role, ROLES } from '@app/planning';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '@app/webhooks';
import { ConsoleFormDto } from '../console-forms.dto';

/**
 * The settings forms take what a browser sends (empty fields included) and leave the checks of
 * content to the services and the form's own checks, so that a wrong entry comes back as the
 * form with a message at the field, not as an error page.
 */
export class OrganisationFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(200)
  name: string;

  @IsString()
  @MaxLength(100)
  code: string;

  @IsString()
  @MaxLength(100)
  country: string;

  @IsString()
  @MaxLength(100)
  timeZone: string;
}

export class ApiKeyFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(200)
  name: string;

  @IsIn(ROLES)
  role: Role;
}

export class WebhookFormDto extends ConsoleFormDto {
  @IsString()
  @MaxLength(2000)
  url: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  /** Checkboxes: absent when none is ticked, a string when one is, a list when more are. */
  @Transform(({ value }: { value: unknown }) => (value === undefined ? [] : [value].flat()))
  @IsArray()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes: WebhookEventType[];
}

export class EmbeddingFormDto extends ConsoleFormDto {
  /** One origin per line, as the text area sends them. */
  @IsString()
  @MaxLength(5000)
  origins: string;
}

export class AuditQueryDto {
  /** The select's "all actions" sends an empty value. */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
