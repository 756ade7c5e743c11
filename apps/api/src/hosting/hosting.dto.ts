import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { HOST_ROLES, HostRole } from '@app/hosting';
import { IsOmittable } from '../http/is-omittable.decorator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date such as 2027-10-30';

export class CreateHostAssignmentDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A guest: invited to the visit, neither declined nor uninvited.',
  })
  @IsUUID()
  guestId: string;

  @ApiProperty({ format: 'uuid', description: 'The person who hosts, guides, interprets or drives.' })
  @IsUUID()
  hostId: string;

  @ApiProperty({ enum: HOST_ROLES })
  @IsIn(HOST_ROLES)
  role: HostRole;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-10-30',
    description: 'The night (its evening), for host families. Give this or partId.',
  })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null)
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  night?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A programme item of the visit, for guides, interpreters and drivers. Give this or night.',
  })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null)
  @IsUUID()
  partId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+49 2931 555 0142' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(64)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Am Sonnenhang 4, 59846 Sundern' })
  @ValidateIf((_dto: object, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ example: 'Pick-up at Frankfurt airport, Terminal 1, arrivals hall' })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  notes?: string;
}

export class AssignRoomDto {
  @ApiProperty({ format: 'uuid', description: 'An accommodation part of the visit.' })
  @IsUUID()
  accommodationId: string;

  @ApiProperty({
    format: 'date',
    example: '2027-10-28',
    description: 'A night of the accommodation (its evening).',
  })
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  night: string;

  @ApiProperty({ example: '12' })
  @IsString()
  @MaxLength(100)
  room: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Guests of the visit; one already in another room that night moves to this one.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  guestIds: string[];
}
