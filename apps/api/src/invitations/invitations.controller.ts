import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { InvitationsService } from '@app/invitations';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { PEOPLE_VISIBILITY_RULE } from '../people/person.view';
import { InvitationQueryDto, InviteDto } from './invitation.dto';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('events/:id/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Invite people, all members of organisations, or of partnerships; optionally with seats in workshops. Inviting someone again sends nothing.',
  })
  invite(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: InviteDto) {
    return this.invitations.invite(actor, id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'The invitations of an event with answers and workshop choices, by name.',
    description: `For the event's hosts, co-hosts and admins. Invitees of other organisations than the key's appear by name and organisation only (\`person.contactVisible: false\`). ${PEOPLE_VISIBILITY_RULE}`,
  })
  list(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Query() query: InvitationQueryDto) {
    return this.invitations.list(actor, id, query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Answers per status, and seats taken and left per workshop.' })
  summary(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.invitations.summary(actor, id);
  }

  @Get(':invitationId')
  @ApiOperation({
    summary: 'One invitation; its invitee as the list shows them.',
    description: PEOPLE_VISIBILITY_RULE,
  })
  get(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ) {
    return this.invitations.get(actor, id, invitationId);
  }

  @Delete(':invitationId')
  @ApiOperation({
    summary:
      'Withdraw an invitation: the link stops working, seats go to the waitlist, the person gets a cancellation.',
  })
  withdraw(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ) {
    return this.invitations.withdraw(actor, id, invitationId);
  }
}
