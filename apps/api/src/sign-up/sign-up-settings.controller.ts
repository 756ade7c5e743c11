import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import { SignUpsService } from '@app/invitations';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import { SignUpSettingsDto, SignUpSettingsView } from './sign-up-settings.dto';

@ApiTags('invitations')
@ApiKeyAuth()
@Controller('events/:id/sign-up')
export class SignUpSettingsController {
  constructor(private readonly signUps: SignUpsService) {}

  @Get()
  @ApiOperation({
    summary: 'Open sign-up of an event: switched on or not, its deadline, seats and unconfirmed sign-ups.',
  })
  @ApiOkResponse({ type: SignUpSettingsView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  get(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.signUps.settings(actor, id);
  }

  @Put()
  @ApiOperation({
    summary: 'Switch open sign-up from the public calendar on or off, with an optional deadline.',
    description:
      'Only a public, published event that has not started can be opened. People sign up with double opt-in; each confirmed sign-up becomes an invitation, accepted while seats are free and waitlisted after.',
  })
  @ApiOkResponse({ type: SignUpSettingsView })
  @ApiProblems({
    400: ['invalid_input'],
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['sign_up_not_possible'],
  })
  configure(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: SignUpSettingsDto) {
    return this.signUps.configure(actor, id, {
      open: body.open,
      deadline: body.deadline ? new Date(body.deadline) : null,
    });
  }
}
