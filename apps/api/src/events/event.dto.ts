import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  EventKind,
  EventStatus,
  EventVisibility,
  Locale,
  LOCALES,
  MAX_REMINDER_OFFSET,
  TRANSLATION_LIMITS,
} from '@app/planning';
import { IsOmittable } from '../http/is-omittable.decorator';
import { IsTimeZone } from '../http/is-time-zone.validator';
import { PageQueryDto } from '../http/page.dto';
import { toBoolean, toList } from '../http/query-transforms';

const SINGLE_LINE = /^[^\r\n]*$/;
/** The largest value of the integer column. */
const MAX_CAPACITY = 2_147_483_647;
const TIME_DESCRIPTION =
  'ISO 8601 with offset (2023-09-20T09:30:00+02:00), or local wall time (2023-09-20T09:30) in the zone; for all-day events a date (2023-09-20).';

export class VenueDto {
  @ApiPropertyOptional({ example: 'Kulturzentrum Hamm', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string | null;

  @ApiPropertyOptional({ example: 'Ostring 15, 59065 Hamm', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: 51.68, nullable: true })
  @IsOptional()
  @IsLatitude()
  latitude?: number | null;

  @ApiPropertyOptional({ example: 7.82, nullable: true })
  @IsOptional()
  @IsLongitude()
  longitude?: number | null;

  @ApiPropertyOptional({
    example: 'Eingang über den Rathausinnenhof',
    description: 'How to find the place once there.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(TRANSLATION_LIMITS.venueNotes)
  notes?: string;
}

export class CreateEventDto {
  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind: EventKind;

  @ApiProperty({ example: 'Workshop Digitalisierung' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Matches(SINGLE_LINE, { message: 'title must be a single line' })
  title: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description:
      "The language title, description and venue notes are written in. Defaults to the parent's, else the host's.",
  })
  @IsOmittable()
  @IsIn(LOCALES)
  originalLanguage?: Locale;

  @ApiProperty({ example: '2023-09-20T09:30', description: TIME_DESCRIPTION })
  @IsString()
  @MaxLength(40)
  startsAt: string;

  @ApiProperty({
    example: '2023-09-20T12:00',
    description: TIME_DESCRIPTION + ' For all-day events the last day.',
  })
  @IsString()
  @MaxLength(40)
  endsAt: string;

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    description: "Defaults to the parent's, else the host's zone.",
  })
  @IsOmittable()
  @IsTimeZone()
  startZone?: string;

  @ApiPropertyOptional({ example: 'Africa/Dar_es_Salaam', description: 'Defaults to startZone.' })
  @IsOmittable()
  @IsTimeZone()
  endZone?: string;

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  allDay?: boolean;

  @ApiPropertyOptional({ type: VenueDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto | null;

  @ApiPropertyOptional({ example: 'https://meet.example.org/arnsberg-morogoro', nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Defaults to the parent's host, else the key's organisation.",
  })
  @IsOmittable()
  @IsUUID()
  hostOrganisationId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  coHostOrganisationIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  partnershipId?: string | null;

  @ApiPropertyOptional({ enum: EVENT_STATUSES, default: 'draft' })
  @IsOmittable()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ enum: EVENT_VISIBILITIES, default: 'public' })
  @IsOmittable()
  @IsIn(EVENT_VISIBILITIES)
  visibility?: EventVisibility;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_CAPACITY, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CAPACITY)
  capacity?: number | null;

  @ApiPropertyOptional({ type: [String], example: ['klima', 'digitalisierung'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The event this one is part of.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({
    type: [Number],
    example: [10080, 1440],
    description:
      'Minutes before the start at which people who accepted or are tentative get a reminder; default 7 days and 1 day (e.g. [120] for a workshop). Whole days keep the wall-clock time across daylight-saving changes.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_REMINDER_OFFSET, { each: true })
  reminderOffsetsMinutes?: number[];
}

export class UpdateEventDto extends PartialType(CreateEventDto, { skipNullProperties: false }) {}

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only events ending at or after this instant (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Only events starting before this instant (ISO 8601).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    enum: EVENT_KINDS,
    isArray: true,
    description: 'One or more kinds, comma-separated.',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(EVENT_KINDS, { each: true })
  kind?: EventKind[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Hosted or co-hosted by this organisation.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnershipId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string;

  @ApiPropertyOptional({ description: 'Search in title and description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct parts of this event.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Only events that are not part of another.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  topLevel?: boolean;
}

export class CopyEventDto {
  @ApiPropertyOptional({
    example: '2032-09-18',
    description:
      'The day the copy starts on, in the zone where the event starts; every part moves by the same calendar days and keeps its wall-clock times. Without it the copy keeps the times.',
  })
  @IsOmittable()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date like 2032-09-18' })
  startDate?: string;
}

export class UpdateEventQueryDto {
  @ApiPropertyOptional({
    enum: ['overlaps'],
    description:
      'overlaps: change the times even though people would then hold seats in two workshops that overlap (the 409 seats_overlap names them). They keep both seats and their answer page asks them to choose, as after saving the warning in the console.',
  })
  @IsOptional()
  @IsIn(['overlaps'])
  confirm?: 'overlaps';
}

export class DeleteEventQueryDto {
  @ApiPropertyOptional({ description: 'Also delete the parts inside the event.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  withChildren?: boolean;
}

export class EventTranslationDto {
  @ApiProperty({ example: 'Ziara ya pili ya ujumbe kutoka Morogoro' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TRANSLATION_LIMITS.title)
  @Matches(SINGLE_LINE, { message: 'title must be a single line' })
  title: string;

  @ApiPropertyOptional({ description: 'Empty or left out: readers get the original description.' })
  @IsOmittable()
  @IsString()
  @MaxLength(TRANSLATION_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ description: 'Empty or left out: readers get the original venue notes.' })
  @IsOmittable()
  @IsString()
  @MaxLength(TRANSLATION_LIMITS.venueNotes)
  venueNotes?: string;
}
