import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Locale, LOCALES } from '@app/planning';
import { IsOmittable } from '../http/is-omittable.decorator';
import { IsTimeZone } from '../http/is-time-zone.validator';
import { PageQueryDto } from '../http/page.dto';

const NO_LINE_BREAKS = /^[^\r\n]*$/;

export class CreatePersonDto {
  @ApiProperty({ example: 'Amani Mwakyusa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(NO_LINE_BREAKS, { message: 'name must be a single line' })
  name: string;

  @ApiProperty({ example: 'amani.mwakyusa@morogoromc.go.tz' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: "Defaults to the key's organisation." })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ example: 'Umwelt und Klimaschutz', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, description: "Defaults to the organisation's locale." })
  @IsOmittable()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    example: 'Africa/Dar_es_Salaam',
    description: "Defaults to the organisation's zone.",
  })
  @IsOmittable()
  @IsTimeZone()
  timeZone?: string;
}

export class UpdatePersonDto extends PartialType(CreatePersonDto, { skipNullProperties: false }) {}

export class PersonQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: "Search in names, and in email addresses of the key's own organisation's people.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only this organisation's people the key may see; another organisation's by name only.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    description: "Matches only people of the key's own organisation (admins: everyone).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;
}
