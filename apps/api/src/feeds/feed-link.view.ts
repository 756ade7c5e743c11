import { ApiProperty } from '@nestjs/swagger';

/** A feed's URL in the forms calendar apps take. */
export class FeedLinkView {
  @ApiProperty({
    example: 'https://treffpunkt.example/feeds/organisations/arn.ics',
    description: 'For download and for clients that subscribe by URL.',
  })
  url: string;

  @ApiProperty({
    example: 'webcal://treffpunkt.example/feeds/organisations/arn.ics',
    description: "The same feed as webcal://, which opens the calendar app's subscribe dialog.",
  })
  webcal: string;

  @ApiProperty({ description: 'Google Calendar\'s "add by URL" page with this feed filled in.' })
  googleCalendar: string;
}

export class EventFeedLinkView extends FeedLinkView {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({
    description: 'Whether the feed shows the event now (only published or cancelled public events).',
  })
  listed: boolean;

  @ApiProperty({ description: "The event's page in the public calendar." })
  page: string;
}

export class OrganisationFeedLinkView extends FeedLinkView {
  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  @ApiProperty({ example: 'ARN' })
  code: string;
}

export class PartnershipFeedLinkView extends FeedLinkView {
  @ApiProperty({ format: 'uuid' })
  partnershipId: string;
}

export class PublicFeedLinkView extends FeedLinkView {
  @ApiProperty({ description: 'The public calendar page.' })
  page: string;
}

export class FeedTokenStatusView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ description: 'Whether the person has a personal feed URL that works.' })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  createdAt: Date | null;
}

/** The personal feed URL with its secret token: shown in this answer and never again. */
export class IssuedFeedTokenView extends FeedLinkView {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}
