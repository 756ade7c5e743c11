import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { EmailsService } from '@app/emails';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { EmailQueryDto } from './email.dto';
import { toEmailPage } from './email.view';

/** Delivery state of the emails about an event or to a person, for the event's hosts. */
@ApiTags('emails')
@ApiBearerAuth()
@Controller()
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get('events/:id/emails')
  @ApiOperation({ summary: 'The emails about an event (invitations, updates, reminders …) and their state' })
  async forEvent(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: EmailQueryDto,
  ) {
    return toEmailPage(await this.emails.listForEvent(actor, id, query));
  }

  @Get('events/:id/emails/summary')
  @ApiOperation({ summary: 'How many of the emails about an event are in each state' })
  summary(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.emails.countForEvent(actor, id);
  }

  @Get('people/:id/emails')
  @ApiOperation({ summary: 'The emails to a person and their state' })
  async forPerson(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: EmailQueryDto,
  ) {
    return toEmailPage(await this.emails.listForPerson(actor, id, query));
  }
}
