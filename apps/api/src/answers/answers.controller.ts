import { Body, Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '@app/access';
import { AnswersService, InvitationError } from '@app/invitations';
import { AnswerRateLimit } from '../rate-limits/answer-rate-limit.decorator';
import { AnswerFormDto } from './answer-form.dto';
import { renderAnswerPage } from './answer-page';
import { AnswerPageFilter } from './answer-page.filter';
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
  constructor(private readonly answers: AnswersService) {}

  @Get(':token')
  async show(
    @Param('token') token: string,
    @Query('saved') saved: string | undefined,
    @Res() response: Response,
  ) {
    const page = await this.answers.page(token);
    sendPage(
      response,
      200,
      renderAnswerPage(page, { saved: saved === '1', programmeHref: programmeHref(token) }),
    );
  }

  @Post(':token')
  @AnswerRateLimit()
  async answer(@Param('token') token: string, @Body() form: AnswerFormDto, @Res() response: Response) {
    try {
      await this.answers.answer(token, { answer: form.answer, workshopIds: form.workshop ?? [] });
    } catch (error) {
      if (!(error instanceof InvitationError) || error.code !== 'event_cancelled') throw error;
      // The page itself says that the event is cancelled, in the person's language.
      const page = await this.answers.page(token);
      return sendPage(
        response,
        409,
        renderAnswerPage(page, { saved: false, programmeHref: programmeHref(token) }),
      );
    }
    // Relative, so that it also works behind a proxy that mounts the app under a path.
    response.redirect(303, `./${encodeURIComponent(token)}?saved=1`);
  }
}

/** Relative to the answer page at /answer/:token. */
function programmeHref(token: string): string {
  return `./${encodeURIComponent(token)}/programme`;
}
