import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { EmailsService } from '@app/emails';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { PEOPLE_VISIBILITY_RULE } from '../people/person.view';
import { EmailQueryDto } from './email.dto';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { EmailCountsView, EmailPage, toEmailPage } from './email.view';

/** Delivery state of the emails about an event (for its hosts) or to a person (for their organisation). */
@ApiTags('emails')
@ApiKeyAuth()
@Controller()
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get('events/:id/emails')
  @ApiOperation({
    summary: 'The emails about an event (invitations, updates, reminders …) and their state',
    description: `For the event's hosts, co-hosts and admins. Recipients of other organisations appear by name and organisation only, and their \`lastError\` is null (SMTP replies quote the address). ${PEOPLE_VISIBILITY_RULE}`,
  })
  @ApiOkResponse({ type: EmailPage })
  @ApiProblems({ 404: ['event_not_found'] })
  async forEvent(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: EmailQueryDto,
  ) {
    return toEmailPage(await this.emails.listForEvent(actor, id, query));
  }

  @Get('events/:id/emails/summary')
  @ApiOperation({ summary: 'How many of the emails about an event are in each state' })
  @ApiOkResponse({ type: EmailCountsView })
  @ApiProblems({ 404: ['event_not_found'] })
  summary(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.emails.countForEvent(actor, id);
  }

  @Get('people/:id/emails')
  @ApiOperation({
    summary: 'The emails to a person and their state',
    description:
      "An email history is contact data: only the person's own organisation and admin keys see it, about any event. Any other key gets 404, as for an unknown person, so that the answer does not reveal whether the person exists.",
  })
  @ApiOkResponse({ type: EmailPage })
  @ApiProblems({ 404: ['person_not_found'] })
  async forPerson(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: EmailQueryDto,
  ) {
    return toEmailPage(await this.emails.listForPerson(actor, id, query));
  }
}
