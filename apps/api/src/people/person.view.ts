import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_ACTOR_KINDS, AuditActorKind } from '@app/audit';
import { EMAIL_KINDS, EMAIL_STATUSES, EmailKind, EmailStatus } from '@app/emails';
import { HOST_ROLES, HostRole } from '@app/hosting';
import { CHOICE_STATUSES, ChoiceStatus, INVITATION_STATUSES, InvitationStatus } from '@app/invitations';
import { Locale, LOCALES } from '@app/planning';
import { AuditEntryDto } from '../audit/audit.dto';
import { PageOf } from '../http/page.dto';
import { ANSWER_VALUE_SCHEMA } from '../registration/registration.view';

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

/** A person in answers, as the key may see them (PersonView in libs/planning is what is sent). */
export class PersonViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({
    description:
      "True for people of the key's own organisation (and for admin keys): the fields below are present. False for people of another organisation: only id, name and organisationId are sent.",
  })
  contactVisible: boolean;

  @ApiPropertyOptional({ description: 'Only with contactVisible.' })
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Only with contactVisible.' })
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

export class PersonPage extends PageOf(PersonViewDto) {}

/** The person record itself, in an export: all of it, as their organisation sees it. */
class ExportedPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ type: String, nullable: true })
  department: string | null;

  @ApiProperty({ enum: LOCALES })
  locale: Locale;

  @ApiProperty()
  timeZone: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

class ExportedChoiceDto {
  @ApiProperty({ format: 'uuid' })
  workshopId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: CHOICE_STATUSES })
  status: ChoiceStatus;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;
}

class ExportedInvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  eventTitle: string;

  @ApiProperty({ format: 'date-time' })
  eventStartsAt: string;

  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  respondedAt: string | null;

  @ApiProperty({
    description: 'Whether the answer link still works; the link itself is a secret and not exported.',
  })
  answerLinkActive: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: [ExportedChoiceDto] })
  choices: ExportedChoiceDto[];
}

class ExportedEmailDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: EMAIL_KINDS })
  kind: EmailKind;

  @ApiProperty({ enum: EMAIL_STATUSES })
  status: EmailStatus;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  eventTitle: string;

  @ApiProperty({ format: 'date-time' })
  sendAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  skippedReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

class ExportedFeedTokenDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
}

export class ExportedRegistrationAnswerDto {
  @ApiProperty({ format: 'uuid' })
  invitationId: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ description: 'The question as it reads now.' })
  question: string;

  @ApiProperty(ANSWER_VALUE_SCHEMA)
  value: string | string[] | boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

class ExportedAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty()
  eventTitle: string;

  @ApiProperty({ format: 'date-time' })
  checkedInAt: string;

  @ApiProperty({ enum: AUDIT_ACTOR_KINDS, description: "How it was recorded; not the organiser's name." })
  recordedByKind: AuditActorKind;
}

class ExportedHostAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty()
  visitTitle: string;

  @ApiProperty({ enum: HOST_ROLES })
  role: HostRole;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  night: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  partId: string | null;

  @ApiProperty({ type: String, nullable: true })
  partTitle: string | null;

  @ApiProperty({ format: 'uuid', description: "The host on a guest's assignment, the guest on a host's." })
  otherPersonId: string;

  @ApiProperty()
  otherPersonName: string;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty()
  notes: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

class ExportedRoomDto {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty()
  visitTitle: string;

  @ApiProperty({ format: 'uuid' })
  accommodationId: string;

  @ApiProperty()
  accommodationTitle: string;

  @ApiProperty({ format: 'date' })
  night: string;

  @ApiProperty()
  room: string;
}

class ExportedScheduleSentDto {
  @ApiProperty({ format: 'uuid' })
  visitId: string;

  @ApiProperty({ format: 'date-time' })
  queuedAt: string;
}

class ExportedHostingDto {
  @ApiProperty({
    type: [ExportedHostAssignmentDto],
    description: 'Who hosts, guides, interprets for or drives them.',
  })
  asGuest: ExportedHostAssignmentDto[];

  @ApiProperty({
    type: [ExportedHostAssignmentDto],
    description: 'Whom they host, guide, interpret for or drive.',
  })
  asHost: ExportedHostAssignmentDto[];

  @ApiProperty({ type: [ExportedRoomDto] })
  rooms: ExportedRoomDto[];

  @ApiProperty({
    type: [ExportedScheduleSentDto],
    description: 'When their schedule as host was last mailed.',
  })
  schedulesSent: ExportedScheduleSentDto[];
}

export class PersonExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;

  @ApiProperty({ type: ExportedPersonDto })
  person: ExportedPersonDto;

  @ApiProperty({
    type: [ExportedInvitationDto],
    description: 'Their invitations with answers and workshop choices.',
  })
  invitations: ExportedInvitationDto[];

  @ApiProperty({ type: [ExportedEmailDto], description: 'The emails sent to them, with status and times.' })
  emails: ExportedEmailDto[];

  @ApiProperty({ type: [ExportedFeedTokenDto], description: "Their feed tokens' state, never the secret." })
  feedTokens: ExportedFeedTokenDto[];

  @ApiProperty({ type: [AuditEntryDto], description: 'Audit entries about them or by them as invitee.' })
  auditTrail: AuditEntryDto[];

  @ApiProperty({
    type: [ExportedRegistrationAnswerDto],
    description: 'Their answers to registration questions, sensitive ones included.',
  })
  registrationAnswers: ExportedRegistrationAnswerDto[];

  @ApiProperty({ type: [ExportedAttendanceDto], description: 'Their check-ins at events and sessions.' })
  attendance: ExportedAttendanceDto[];

  @ApiProperty({
    type: ExportedHostingDto,
    description: 'Hosting of delegation visits, as guest and as host.',
  })
  hosting: ExportedHostingDto;
}

export class ErasureReportDto {
  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ format: 'date-time' })
  erasedAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    description:
      'Per kind of data (invitations, emails, feedTokens, auditTrail, registrationAnswers, attendance, hosting) what was erased, in counts.',
    example: { invitations: { anonymised: 2 }, feedTokens: { deleted: 1 } },
  })
  sections: Record<string, Record<string, number>>;
}
