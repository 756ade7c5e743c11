import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_KINDS, EMAIL_STATUSES, EmailEntry, EmailKind, EmailStatus } from '@app/emails';
import { Page, PersonView } from '@app/planning';
import { PageOf } from '../http/page.dto';
import { PersonViewDto } from '../people/person.view';

class EmailEventView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;
}

export class EmailView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EMAIL_KINDS })
  kind: EmailKind;

  @ApiProperty({
    enum: EMAIL_STATUSES,
    description:
      'A `sending` email whose updatedAt is minutes old was interrupted mid-send: it may have arrived, and is sent again with the same Message-ID.',
  })
  status: EmailStatus;

  @ApiProperty({ type: EmailEventView })
  event: { id: string; title: string };

  @ApiProperty({
    type: PersonViewDto,
    description: 'The recipient; people of other organisations by name and organisation only.',
  })
  person: PersonView;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  invitationId: string | null;

  @ApiProperty({ format: 'date-time' })
  sendAt: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set from the first attempt on; the same for every copy of this email.',
  })
  messageId: string | null;

  @ApiProperty()
  attempts: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The last SMTP error; null for recipients of other organisations (SMTP replies quote the address).',
  })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  skippedReason: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'For reminders: minutes before the start.' })
  offsetMinutes: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class EmailPage extends PageOf(EmailView) {}

/** How many of an event's emails are in each state. */
export class EmailCountsView implements Record<EmailStatus, number> {
  @ApiProperty()
  queued: number;

  @ApiProperty()
  sending: number;

  @ApiProperty()
  sent: number;

  @ApiProperty()
  retrying: number;

  @ApiProperty()
  failed: number;

  @ApiProperty()
  skipped: number;
}

export function toEmailView({ email, person, event }: EmailEntry): EmailView {
  return {
    id: email.id,
    kind: email.kind,
    status: email.status,
    event,
    person,
    invitationId: email.invitationId,
    sendAt: email.sendAt.toISOString(),
    messageId: email.messageId,
    attempts: email.attempts,
    lastError: person.contactVisible ? email.lastError : null,
    sentAt: email.sentAt?.toISOString() ?? null,
    skippedReason: email.skippedReason,
    offsetMinutes: email.offsetMinutes,
    createdAt: email.createdAt.toISOString(),
    updatedAt: email.updatedAt.toISOString(),
  };
}

export function toEmailPage(page: Page<EmailEntry>): Page<EmailView> {
  return { items: page.items.map(toEmailView), nextCursor: page.nextCursor };
}
