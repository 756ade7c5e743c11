import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { ApiKey } from '@app/access';
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

export function toApiKeyView(apiKey: ApiKey) {
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
