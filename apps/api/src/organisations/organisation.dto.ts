import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { Locale, LOCALES } from '@app/planning';
import { IsTimeZone } from '../http/is-time-zone.validator';
import { PageQueryDto } from '../http/page.dto';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Stadt Arnsberg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'ARN',
    description:
      'Short unique handle; letters, digits and dashes. After a change, feed URLs with the old code ' +
      'redirect to the new one until another organisation takes the old code.',
  })
  @Matches(/^[A-Za-z0-9-]{2,32}$/, { message: 'code must be 2–32 letters, digits or dashes' })
  code: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2 country code.' })
  @IsISO31661Alpha2()
  country: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({ enum: LOCALES, example: 'de' })
  @IsIn(LOCALES)
  defaultLocale: Locale;
}

export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, {
  skipNullProperties: false,
}) {}

export class OrganisationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in name and code.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'TZ' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;
}
