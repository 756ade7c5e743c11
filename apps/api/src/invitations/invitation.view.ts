import { ApiProperty } from '@nestjs/swagger';
import { CHOICE_STATUSES, ChoiceStatus, INVITATION_STATUSES, InvitationStatus } from '@app/invitations';
import { Event, EVENT_KINDS, EVENT_STATUSES } from '@app/planning';
import { PageOf } from '../http/page.dto';
import { PersonViewDto } from '../people/person.view';

class WorkshopSeatsResult {
  @ApiProperty({ format: 'uuid' })
  workshopId: string;

  @ApiProperty({ description: 'People of this request who got a seat.' })
  confirmed: number;

  @ApiProperty({ description: 'People of this request on the waitlist.' })
  waitlisted: number;

  @ApiProperty({
    description:
      'People of this request who hold (or wait for) a seat in another workshop of the same round: they keep it and get none here.',
  })
  heldOtherInRound: number;
}

export class InviteResultView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({
    description: 'Distinct people the request named, directly or through organisations and partnerships.',
  })
  recipients: number;

  @ApiProperty()
  invited: number;

  @ApiProperty({ description: 'Invitations that had been withdrawn and are valid again, with a new link.' })
  reinvited: number;

  @ApiProperty()
  alreadyInvited: number;

  @ApiProperty({ type: [WorkshopSeatsResult] })
  workshops: WorkshopSeatsResult[];
}

class ChoiceView {
  @ApiProperty({ format: 'uuid' })
  workshopId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: CHOICE_STATUSES })
  status: ChoiceStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt: Date;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({
    type: PersonViewDto,
    description: 'People of other organisations by name and organisation only.',
  })
  person: PersonViewDto;

  @ApiProperty({ type: [ChoiceView], description: 'Workshop seats held, waited for or given up.' })
  choices: ChoiceView[];
}

export class InvitationPage extends PageOf(InvitationView) {}

const SEATS = {
  capacity: { type: Number, nullable: true, description: 'Null: no limit.' },
  seatsLeft: { type: Number, nullable: true, description: 'Null: no limit.' },
} as const;

class WorkshopSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind: Event['kind'];

  @ApiProperty({ enum: EVENT_STATUSES })
  status: Event['status'];

  @ApiProperty({ format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ format: 'date-time' })
  endsAt: Date;

  @ApiProperty()
  startZone: string;

  @ApiProperty(SEATS.capacity)
  capacity: number | null;

  @ApiProperty()
  taken: number;

  @ApiProperty(SEATS.seatsLeft)
  seatsLeft: number | null;

  @ApiProperty()
  confirmed: number;

  @ApiProperty()
  waitlisted: number;

  @ApiProperty()
  withdrawn: number;
}

class InvitationCountsView implements Record<InvitationStatus, number> {
  @ApiProperty()
  invited: number;

  @ApiProperty()
  accepted: number;

  @ApiProperty()
  tentative: number;

  @ApiProperty()
  declined: number;

  @ApiProperty()
  waitlisted: number;

  @ApiProperty()
  cancelled: number;
}

export class AnswerSummaryView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: EVENT_STATUSES })
  status: Event['status'];

  @ApiProperty(SEATS.capacity)
  capacity: number | null;

  @ApiProperty()
  taken: number;

  @ApiProperty(SEATS.seatsLeft)
  seatsLeft: number | null;

  @ApiProperty()
  total: number;

  @ApiProperty({ type: InvitationCountsView, description: 'Invitations per status.' })
  counts: InvitationCountsView;

  @ApiProperty({ type: [WorkshopSummaryView] })
  workshops: WorkshopSummaryView[];
}
