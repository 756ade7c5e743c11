import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, Matches, ValidateIf } from 'class-validator';

/** An instant with its offset: a deadline without one would be read in nobody's zone. */
const WITH_OFFSET = /(Z|[+-]\d\d:\d\d)$/;

export class SignUpSettingsDto {
  @ApiProperty({ description: 'Whether the event takes sign-ups from the public calendar.' })
  @IsBoolean()
  open: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'No sign-ups after this instant (ISO 8601 with offset, e.g. 2027-05-01T18:00:00+02:00); null or absent: until the event starts.',
    example: '2027-05-01T18:00:00+02:00',
  })
  @ValidateIf((dto: SignUpSettingsDto) => dto.deadline !== undefined && dto.deadline !== null)
  @IsISO8601({ strict: true }, { message: 'deadline must be an ISO 8601 instant with offset, or null' })
  @Matches(WITH_OFFSET, { message: 'deadline must carry an offset (Z or ±hh:mm)' })
  deadline?: string | null;
}

export class SignUpSettingsView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ description: 'Open sign-up is switched on.' })
  open: boolean;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null: until the event starts.',
  })
  deadline: Date | null;

  @ApiProperty({
    description:
      'Whether the event takes sign-ups right now: open, public, published, not started, before the deadline.',
  })
  takingSignUps: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'Null: no limit.' })
  capacity: number | null;

  @ApiProperty({ description: 'Accepted invitations and confirmed sign-ups.' })
  taken: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Null: no limit; 0: new sign-ups are waitlisted.',
  })
  seatsLeft: number | null;

  @ApiProperty({ description: 'Sign-ups whose address is not confirmed yet; they hold no seat.' })
  pending: number;
}
