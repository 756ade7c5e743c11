import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { AnswerPage, AnswersService, InvitationError, RoundTakenDetails } from '@app/invitations';
import {
  AnswerProblemReason,
  RegistrationAnswersService,
  RegistrationError,
  RegistrationQuestionsService,
} from '@app/registration';
import { AnswerRateLimit } from '../rate-limits/answer-rate-limit.decorator';
import { AnswerFormDto } from './answer-form.dto';
import { renderAnswerPage } from './answer-page';
import { AnswerPageFilter } from './answer-page.filter';
import { QuestionsForm } from './answer-questions';
import { sendPage } from './send-page';

/**
 * The page behind the answer link in invitation emails. The link itself is the credential, so
 * no API key is needed. Reading never changes anything; answering is a form POST followed by a
 * redirect (POST-redirect-GET), so reloading the page does not send the answer again.
 */
@Public()
@ApiExcludeController()
@UseFilters(AnswerPageFilter)
@Controller('answer')
export class AnswersController {
  constructor(
    private readonly answers: AnswersService,
    private readonly questions: RegistrationQuestionsService,
    private readonly registrationAnswers: RegistrationAnswersService,
  ) {}

  @Get(':token')
  async show(
    @Param('token') token: string,
    @Query('saved') saved: string | undefined,
    @Res() response: Response,
  ) {
    const page = await this.answers.page(token);
    const values = Object.fromEntries(await this.registrationAnswers.ownAnswers(page.invitationId));
    sendPage(
      response,
      200,
      renderAnswerPage(page, {
        saved: saved === '1',
        programmeHref: programmeHref(token),
        questions: await this.form(page, values),
      }),
    );
  }

  /**
   * The answer and the registration answers are saved in one transaction; refused registration
   * answers show the form again (400) with what was entered and a message at each question.
   */
  @Post(':token')
  @AnswerRateLimit()
  async answer(@Param('token') token: string, @Body() form: AnswerFormDto, @Res() response: Response) {
    const sent = form.question ?? {};
    try {
      await this.answers.answer(token, {
        answer: form.answer,
        workshopIds: form.workshop ?? [],
        alongside: (manager, answered) =>
          this.registrationAnswers.recordIn(manager, answered, sent, {
            askedAt: 'answer',
            accepting: form.answer === 'accept',
          }),
      });
    } catch (error) {
      if (error instanceof RegistrationError && error.code === 'registration_answers_invalid') {
        const page = await this.answers.page(token);
        const errors = new Map(
          (error.details as Array<{ questionId: string; reason: AnswerProblemReason }>).map((problem) => [
            problem.questionId,
            problem.reason,
          ]),
        );
        return sendPage(
          response,
          400,
          renderAnswerPage(page, {
            saved: false,
            programmeHref: programmeHref(token),
            entered: form.answer,
            questions: await this.form(page, sent, errors),
          }),
        );
      }
      if (!(error instanceof InvitationError)) throw error;
      // The page itself says what was refused, in the person's language, with the form as it stands.
      if (error.code === 'event_cancelled') {
        return sendPage(
          response,
          409,
          renderAnswerPage(await this.answers.page(token), {
            saved: false,
            programmeHref: programmeHref(token),
          }),
        );
      }
      if (error.code === 'one_per_round' || error.code === 'round_taken') {
        const page = await this.answers.page(token);
        const titles = sameRoundTitles(page, error);
        return sendPage(
          response,
          409,
          renderAnswerPage(page, {
            saved: false,
            programmeHref: programmeHref(token),
            sameRound: titles,
            entered: form.answer,
            questions: await this.form(page, sent),
          }),
        );
      }
      throw error;
    }
    // Relative, so that it also works behind a proxy that mounts the app under a path.
    response.redirect(303, `./${encodeURIComponent(token)}?saved=1`);
  }

  private async form(
    page: AnswerPage,
    values: Record<string, unknown>,
    errors = new Map<string, AnswerProblemReason>(),
  ): Promise<QuestionsForm> {
    return {
      questions: await this.questions.asked(page.event.id, 'answer'),
      values,
      errors,
      originalLanguage: page.event.originalLanguage,
    };
  }
}

/** The titles of the workshops a refused answer asked for in one round, as the page names them. */
function sameRoundTitles(page: AnswerPage, error: InvitationError): string[] {
  if (error.code === 'round_taken') {
    const { seat, requested } = error.details as RoundTakenDetails;
    return [seat.title, requested.title];
  }
  const { workshopIds } = error.details as { workshopIds: string[] };
  return page.workshops
    .filter((workshop) => workshopIds.includes(workshop.event.id))
    .map((workshop) => workshop.event.title);
}

/** Relative to the answer page at /answer/:token. */
function programmeHref(token: string): string {
  return `./${encodeURIComponent(token)}/programme`;
}
