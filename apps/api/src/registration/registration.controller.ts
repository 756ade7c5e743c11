import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedKey } from '@app/access';
import {
  RegistrationAnswersService,
  RegistrationQuestionsService,
  SensitiveAnswersRetention,
} from '@app/registration';
import { CurrentActor } from '../http/current-actor.decorator';
import { IdParam } from '../http/id.param';
import { ApiKeyAuth } from '../openapi/api-key-auth.decorator';
import { ApiProblems } from '../problems/api-problems.decorator';
import {
  RegistrationAnswersQueryDto,
  ReplaceQuestionsDto,
  RetentionDaysDto,
} from './registration-question.dto';
import {
  EventQuestionsView,
  RegistrationAnswersView,
  RegistrationView,
  RetentionPolicyView,
} from './registration.view';

const SENSITIVE_RULE =
  "Answers to sensitive questions are only for admins and organisers of the event's host, and only with `includeSensitive=true`; viewers and co-hosts get the other answers.";

@ApiTags('registration')
@ApiKeyAuth()
@ApiExtraModels(RegistrationView)
@Controller('events/:id')
export class RegistrationController {
  constructor(
    private readonly questions: RegistrationQuestionsService,
    private readonly answers: RegistrationAnswersService,
    private readonly retention: SensitiveAnswersRetention,
  ) {}

  @Get('questions')
  @ApiOperation({ summary: "The event's registration questions, in order; for its hosts and co-hosts." })
  @ApiOkResponse({ type: EventQuestionsView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  list(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.questions.list(actor, id);
  }

  @Put('questions')
  @ApiOperation({
    summary: "Replace the event's registration questions (admins and the host's organisers).",
    description:
      'Questions with an id are changed, those without are added, those left out are removed with their answers. A new type for a question with answers, or removing an option that answers chose, is refused (409 question_in_use).',
  })
  @ApiOkResponse({ type: EventQuestionsView })
  @ApiProblems({
    400: ['invalid_input'],
    403: ['forbidden'],
    404: ['event_not_found'],
    409: ['question_in_use'],
  })
  replace(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string, @Body() body: ReplaceQuestionsDto) {
    return this.questions.replace(actor, id, body.questions);
  }

  @Get('registration-answers')
  @ApiOperation({
    summary: 'The answers to the registration questions, per invitation.',
    description: SENSITIVE_RULE,
  })
  @ApiOkResponse({ type: RegistrationAnswersView })
  @ApiProblems({ 400: ['invalid_input'], 403: ['forbidden'], 404: ['event_not_found'] })
  registrationAnswers(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Query() query: RegistrationAnswersQueryDto,
  ) {
    return this.answers.list(actor, id, { includeSensitive: query.includeSensitive ?? false });
  }

  @Get('sensitive-answers-retention')
  @ApiOperation({ summary: 'How many days after the event its sensitive answers are kept; for its hosts.' })
  @ApiOkResponse({ type: RetentionPolicyView })
  @ApiProblems({ 403: ['forbidden'], 404: ['event_not_found'] })
  retentionPolicy(@CurrentActor() actor: AuthenticatedKey, @IdParam() id: string) {
    return this.retention.policy(actor, id);
  }

  @Put('sensitive-answers-retention')
  @ApiOperation({
    summary: "Set the event's own days to keep sensitive answers (admins and the host's organisers).",
    description:
      'From 0 to 3650 days after the event ends; null returns the event to the default. The erasure job uses it from its next run; the change is in the audit trail.',
  })
  @ApiOkResponse({ type: RetentionPolicyView })
  @ApiProblems({ 400: ['invalid_input'], 403: ['forbidden'], 404: ['event_not_found'] })
  setRetention(
    @CurrentActor() actor: AuthenticatedKey,
    @IdParam() id: string,
    @Body() body: RetentionDaysDto,
  ) {
    return this.retention.setDays(actor, id, body.days);
  }
}
