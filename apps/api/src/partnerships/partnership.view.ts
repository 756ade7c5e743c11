import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../http/page.dto';
import { OrganisationView } from '../organisations/organisation.view';

export class PartnershipView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  memberIds: string[];

  @ApiPropertyOptional({
    type: [OrganisationView],
    description: 'The member organisations; in the answers about one partnership, not in lists.',
  })
  members?: OrganisationView[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null only after the lead organisation was deleted; then only admins change the members.',
  })
  leadOrganisationId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

export class PartnershipPage extends PageOf(PartnershipView) {}

class InternalEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;
}

/** What a member loses by leaving: the 409 member_removal_unconfirmed lists it too, under details.removedMembers. */
export class RemovedMemberView {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  code: string;

  @ApiProperty({
    type: [InternalEventView],
    description:
      "The partnership's published internal events it neither hosts nor co-hosts: its keys no longer see them.",
  })
  internalEvents: InternalEventView[];

  @ApiProperty({
    description:
      "How many of its people hold an invitation to one of the partnership's events; those stay valid.",
  })
  invitedPeople: number;
}

class MemberChangesView {
  @ApiProperty({ type: [String], format: 'uuid' })
  addedOrganisationIds: string[];

  @ApiProperty({ type: [RemovedMemberView] })
  removed: RemovedMemberView[];
}

export class ChangedPartnershipView extends PartnershipView {
  @ApiProperty({ type: MemberChangesView })
  memberChanges: MemberChangesView;
}
