import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Locale, LOCALES } from '@app/planning';

/**
 * The visibility rule as the OpenAPI document states it for every operation that shows people;
 * PeopleVisibility in libs/planning enforces it.
 */
export const PEOPLE_VISIBILITY_RULE =
  "People's data stays with their organisation. A key sees the contact data (email, department, locale, zone, email history, feed settings) of its own organisation's people only (`contactVisible: true`). " +
  'People of another organisation appear by id, name and organisationId only (`contactVisible: false`), and only when both organisations share an event or a partnership: ' +
  'an organisation takes part in an event when it hosts or co-hosts it or one of its people holds an invitation to it (whatever the answer, withdrawn included); two organisations share an event when both take part in it, and a partnership when both are members. ' +
  'A person without an organisation appears to the organisations taking part in an event they are invited to. Anyone else is left out of lists and answers 404. ' +
  'Organiser and viewer keys read alike; admin keys see everything.';

/** The schema of a person in answers (documentation only: PersonView is what is sent). */
export class PersonViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({
    description:
      "True for people of the key's own organisation (and for admin keys): the fields below are present. False for people of another organisation: only id, name and organisationId are sent.",
  })
  contactVisible: boolean;

  @ApiPropertyOptional({ description: 'Only with contactVisible.' })
  email?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Only with contactVisible.' })
  department?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Only with contactVisible.' })
  locale?: Locale;

  @ApiPropertyOptional({ description: 'Only with contactVisible.' })
  timeZone?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only with contactVisible.' })
  createdAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only with contactVisible.' })
  updatedAt?: string;
}
