import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EVENT_KINDS } from '@app/planning';
import { MAX_PAGE, MAX_PAGE_SIZE } from '@app/public-programme';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const DEFAULT_PAGE_SIZE = 20;

/** The filters of `GET /public/events.json`: the same as the calendar page's. */
export class PublicEventsQueryDto {
  @ApiPropertyOptional({
    description: 'Code of an organisation: events it hosts or co-hosts.',
    example: 'ARN',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'organisation must be an organisation code' })
  organisation?: string;

  @ApiPropertyOptional({ description: 'Id of a partnership: its events.', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partnership?: string;

  @ApiPropertyOptional({ enum: EVENT_KINDS, description: 'Events of this kind, parts included.' })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: string;

  @ApiPropertyOptional({ example: 'klima' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  tag?: string;

  @ApiPropertyOptional({
    description:
      'Search text: every word must match title, description, venue, organiser or tags (ae = ä, partial and ' +
      'misspelt words found too); best matches first, parts included.',
    example: 'Städtetag 2022',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'Events ending on or after this date (at the venue). Without from and to: events not yet ended.',
    format: 'date',
    example: '2022-01-01',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Events starting on or before this date (at the venue).',
    format: 'date',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a date as YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export class SuggestionsQueryDto {
  @ApiProperty({ description: 'What has been typed so far.', example: 'Staedt' })
  @IsString()
  @MaxLength(200)
  q: string;
}

export class PublicVenueView {
  @ApiProperty({ type: String, nullable: true, example: 'Rathaus Sundern' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Rathausplatz 1, 59846 Sundern (Sauerland)' })
  address: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 51.3286 })
  latitude: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 8.0019 })
  longitude: number | null;
}

export class PublicHostView {
  @ApiProperty({ example: 'SUN' })
  code: string;

  @ApiProperty({ example: 'Stadt Sundern (Sauerland)' })
  name: string;
}

export class PublicEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind: string;

  @ApiProperty({ example: 'Zweiter Städtetag Arnsberg–Sundern 2027' })
  title: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines.' })
  description: string;

  @ApiProperty({ format: 'date-time', description: 'The start as an instant (UTC).' })
  startsAt: string;

  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA zone of the start.' })
  startZone: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The end; for all-day events the midnight after the last day.',
  })
  endsAt: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  endZone: string;

  @ApiProperty()
  allDay: boolean;

  @ApiProperty({ enum: ['published', 'cancelled'] })
  status: string;

  @ApiProperty({
    type: PublicVenueView,
    description: 'Each part null when unknown (online events have none).',
  })
  venue: PublicVenueView;

  @ApiProperty({ type: String, nullable: true, format: 'uri' })
  onlineUrl: string | null;

  @ApiProperty({ type: [String], example: ['klima', 'verwaltung'] })
  tags: string[];

  @ApiProperty({ type: PublicHostView })
  host: PublicHostView;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The event this one is part of.',
  })
  parentId: string | null;

  @ApiProperty({ format: 'uri', description: 'The event’s page in the public calendar.' })
  url: string;
}

export class PublicEventsLinks {
  @ApiProperty({ format: 'uri' })
  self: string;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    description: 'The next page; null on the last one.',
  })
  next: string | null;
}

export class PublicEventsPageView {
  @ApiProperty({ type: [PublicEventView] })
  events: PublicEventView[];

  @ApiProperty({ minimum: 1 })
  page: number;

  @ApiProperty({ minimum: 1, maximum: MAX_PAGE_SIZE })
  pageSize: number;

  @ApiProperty({ type: PublicEventsLinks })
  links: PublicEventsLinks;
}

export class SuggestionsView {
  @ApiProperty({ type: [String], description: 'Titles of the best matches, at most eight.' })
  suggestions: string[];
}
