import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_KINDS,
  AUDIT_RECORD_TYPES,
  AuditAction,
  AuditActorKind,
  AuditRecordType,
} from '@app/audit';
import { PageQueryDto } from '../http/page.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Entries that concern this organisation. Admin keys: any organisation (all when left out); organiser keys: only their own, which is also the default.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: AUDIT_RECORD_TYPES, description: 'With recordId: the history of one record.' })
  @IsOptional()
  @IsIn(AUDIT_RECORD_TYPES)
  recordType?: AuditRecordType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recordId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional({ enum: AUDIT_ACTOR_KINDS })
  @IsOptional()
  @IsIn(AUDIT_ACTOR_KINDS)
  actorKind?: AuditActorKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "The acting API key's id (or person's id, for invitees).",
  })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Entries at or after this instant (ISO 8601 with offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Entries before this instant (ISO 8601 with offset).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

class AuditActorDto {
  @ApiProperty({ enum: AUDIT_ACTOR_KINDS })
  kind: AuditActorKind;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      "The API key's id, or the invitee's person id (null once they are erased, and for the system).",
  })
  id: string | null;

  @ApiProperty({
    description: "The key's name at the time, the invitee's name, or which part of the system.",
  })
  label: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The key's organisation." })
  organisationId: string | null;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Grows with every entry; pages are newest first.' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ type: AuditActorDto })
  actor: AuditActorDto;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The organisations the change concerns.' })
  organisationIds: string[];

  @ApiProperty({ enum: AUDIT_RECORD_TYPES })
  recordType: AuditRecordType;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  recordId: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({
    description:
      'Changed fields: `{ field, before, after }`, or `{ field, personal: true }` for personal data (a name, an email address), whose values are never recorded.',
    type: 'array',
    items: { type: 'object' },
  })
  changes: unknown[];

  @ApiProperty({
    nullable: true,
    description: 'Context: counts, the event a part changed with; never personal data.',
  })
  details: Record<string, unknown> | null;
}

export class AuditPageDto {
  @ApiProperty({ type: AuditEntryDto, isArray: true })
  items: AuditEntryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page.' })
  nextCursor: string | null;
}
