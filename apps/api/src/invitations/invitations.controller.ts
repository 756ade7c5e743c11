import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { AnswersService, InvitationsService } from '@app/invitations';
import { RegistrationAnswersService } from '@app/registration';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { PEOPLE_VISIBILITY_RULE } from '../people/person.view';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { AnswerOnBehalfDto, InvitationQueryDto, InviteDto } from './invitation.dto';
import { AnswerSummaryView, InvitationPage, InvitationView, InviteResultView } from './invitation.view';

@ApiTags('invitations')
@ApiKeyAuth()
@Controller('events/:id/invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly answers: AnswersService,
    private readonly registrationAnswers: RegistrationAnswersService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Invite people, all members of organisations, or of partnerships; optionally with seats in workshops. Inviting someone again sends nothing.',
  })
  @ApiCreatedResponse({ type: InviteResultView })
  @ApiProblems({
    400: ['invalid_input', 'one_per_round'],
    403: ['forbidden'],
    404: ['event_not_found', 'person_not_found', 'organisation_not_found', 'partnership_not_found'],
    409: ['event_cancelled'],
  })
  invite(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: InviteDto) {
    return this.invitations.invite(actor, id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'The invitations of an event with answers and workshop choices, by name.',
    description: `For the event's hosts, co-hosts and admins. Invitees of other organisations than the key's appear by name and organisation only (\`person.contactVisible: false\`). ${PEOPLE_VISIBILITY_RULE}`,
  })
  @ApiOkResponse({ type: InvitationPage })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  list(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Query() query: InvitationQueryDto) {
    return this.invitations.list(actor, id, query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Answers per status, and seats taken and left per workshop.' })
  @ApiOkResponse({ type: AnswerSummaryView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  summary(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.invitations.summary(actor, id);
  }

  @Get(':invitationId')
  @ApiOperation({
    summary: 'One invitation; its invitee as the list shows them.',
    description: PEOPLE_VISIBILITY_RULE,
  })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found', 'invitation_not_found'] })
  get(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ) {
    return this.invitations.get(actor, id, invitationId);
  }

  @Post(':invitationId/answer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Answer for an invitee, as their answer link would: the same seats, waitlists and emails.',
    description:
      "A person holds at most one seat (confirmed or waitlisted) per round: workshops of the event whose times overlap. Two new workshops of one round answer 400 one_per_round; a new one beside a held one of its round answers 409 round_taken with `details.seat` (the seat it would replace) unless `replace` is true. The audit trail names the organiser and marks the answer `onBehalf`. `registrationAnswers` answers the event's registration questions asked with the answer, as the answer page does: required ones must be answered to accept (400 registration_answers_invalid names each), and the answer is saved with them or not at all. Keys that may not see sensitive answers leave those questions as they are.",
  })
  @ApiOkResponse({ type: InvitationView, description: 'The invitation after the answer.' })
  @ApiProblems({
    400: ['invalid_input', 'one_per_round', 'registration_answers_invalid'],
    403: ['forbidden'],
    404: ['event_not_found', 'invitation_not_found'],
    409: ['round_taken', 'event_cancelled', 'invitation_withdrawn', 'invitation_changed'],
  })
  async answer(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
    @Body() body: AnswerOnBehalfDto,
  ) {
    const { registrationAnswers, ...answer } = body;
    await this.answers.answerFor(actor, id, invitationId, {
      ...answer,
      alongside: (manager, answered) =>
        this.registrationAnswers.recordForIn(manager, actor, answered, registrationAnswers ?? {}, {
          askedAt: 'answer',
          accepting: body.answer === 'accept',
        }),
    });
    return this.invitations.get(actor, id, invitationId);
  }

  @Delete(':invitationId')
  @ApiOperation({
    summary:
      'Withdraw an invitation: the link stops working, seats go to the waitlist, the person gets a cancellation.',
  })
  @ApiOkResponse({ type: InvitationView, description: 'The withdrawn invitation.' })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found', 'invitation_not_found'] })
  withdraw(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ) {
    return this.invitations.withdraw(actor, id, invitationId);
  }

  @Post(':invitationId/resend')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Send the invitation email with its answer link again.',
    description:
      'Queued through the outbox like the first one; recorded in the audit trail as `invitation.resent`.',
  })
  @ApiNoContentResponse({ description: 'The email is queued.' })
  @ApiProblems({
    403: ['forbidden'],
    404: ['event_not_found', 'invitation_not_found'],
    409: ['event_cancelled', 'invitation_withdrawn', 'invitation_declined'],
  })
  async resend(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ): Promise<void> {
    await this.invitations.resend(actor, id, invitationId);
  }
}
