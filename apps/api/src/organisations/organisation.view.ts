import { ApiProperty } from '@nestjs/swagger';
import { Locale, LOCALES } from '@app/planning';
import { PageOf } from '../http/page.dto';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Stadt Arnsberg' })
  name: string;

  @ApiProperty({ example: 'ARN', description: 'Short unique handle, upper-case.' })
  code: string;

  @ApiProperty({ example: 'DE', description: 'ISO 3166-1 alpha-2.' })
  country: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone: string;

  @ApiProperty({ enum: LOCALES })
  defaultLocale: Locale;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class OrganisationPage extends PageOf(OrganisationView) {}
