import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApiKey } from '@app/access';
import { AUDIT_ACTOR_KINDS, AuditActorKind } from '@app/audit';
import { Role, ROLES } from '@app/planning';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Städtetag team Sundern' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;
}

export function toApiKeyView(apiKey: ApiKey): ApiKeyView {
  return {
    id: apiKey.id,
    name: apiKey.name,
    organisationId: apiKey.organisationId,
    role: apiKey.role,
    prefix: `tp_${apiKey.lookupId}_`,
    createdAt: apiKey.createdAt,
    lastUsedAt: apiKey.lastUsedAt,
    revokedAt: apiKey.revokedAt,
  };
}

/** A key as lists show it: never its secret. */
export class ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ example: 'tp_3f9a1c2b7d4e6a80_', description: 'The start of the key, to tell keys apart.' })
  prefix: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;
}

export class IssuedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The key itself; shown in this answer only.' })
  key: string;
}

class KeyActorView {
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS })
  kind: AuditActorKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;

  @ApiProperty({ description: "The key's name, as the audit trail records it." })
  label: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;
}

/** The key in use, as the API sees it. */
export class CurrentKeyView {
  @ApiProperty({ format: 'uuid' })
  keyId: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: KeyActorView, description: 'How the audit trail names changes made with this key.' })
  who: KeyActorView;
}
