import { ApiProperty } from '@nestjs/swagger';
import { SeatsJoined } from '@app/invitations';

export class SeatWorkshopView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Workshop Klimaschutz' })
  title: string;
}

export class OverlappingSeatsView implements SeatsJoined {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: 'Jana Schulte' })
  name: string;

  @ApiProperty({
    type: [SeatWorkshopView],
    description: 'The changed workshop first, then those it would overlap in which the person holds a seat.',
  })
  workshops: SeatWorkshopView[];
}

export class EventChangePreviewView {
  @ApiProperty({
    type: [OverlappingSeatsView],
    description:
      'People who would hold seats (confirmed or waitlisted) in two workshops of one round after the change. Empty when the change joins nobody; otherwise PATCH answers 409 seats_overlap unless sent with confirm=overlaps.',
  })
  overlappingSeats: OverlappingSeatsView[];
}
