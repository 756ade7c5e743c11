import { Body, Controller, Get, Logger, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import { Request, Response } from 'express';
import { toString as qrSvg } from 'qrcode';
import { Public } from '@app/access';
import { CheckInCodes } from '@app/attendance';
import { RateLimiter } from '@app/feeds';
import { ParticipantProgrammes } from '@app/invitations';
import { languageFromAcceptLanguage, raw } from '@app/presentation';
import { AnswerPageFilter } from '../answers/answer-page.filter';
import { sendPage } from '../answers/send-page';
import { AnswerRateLimit } from '../rate-limits/answer-rate-limit.decorator';
import { SignInRateLimit } from '../rate-limits/sign-in-rate-limit.decorator';
import { LostLinkFormDto } from './lost-link-form.dto';
import { CheckInCode, renderLostLinkPage, renderProgrammePage } from './programme-page';

/** Emails of links to one address per window, whoever asks: a form cannot be used to flood a mailbox. */
const LINK_EMAILS_PER_ADDRESS = 3;
const LINK_EMAIL_WINDOW_SECONDS = 3600;
/** The SVG is the library's own drawing of our URL, so it goes into the page as it is. */
const QR_OPTIONS = { type: 'svg', margin: 2, errorCorrectionLevel: 'M' } as const;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A participant's own programme, behind the secret of their answer link (the link is the
 * credential, as for the answer page), and the page that sends fresh links to an address.
 */
@Public()
@ApiExcludeController()
@UseFilters(AnswerPageFilter)
@Controller()
export class MyProgrammeController {
  private readonly logger = new Logger(MyProgrammeController.name);

  constructor(
    private readonly programmes: ParticipantProgrammes,
    private readonly codes: CheckInCodes,
    private readonly limiter: RateLimiter,
  ) {}

  @Get('answer/:token/programme')
  async show(
    @Param('token') token: string,
    @Query('sent') sent: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const programme = await this.programmes.programme(token);
    const checkInCodes: CheckInCode[] = [];
    for (const invitation of programme.invitations) {
      if (invitation.status !== 'accepted' || invitation.event.status === 'cancelled') continue;
      const seats = invitation.seats.filter((seat) => seat.status === 'confirmed');
      const events = [invitation.event, ...seats.map((seat) => seat.event)];
      for (const event of events) {
        checkInCodes.push({
          eventId: event.id,
          invitationId: invitation.invitationId,
          title: event.title,
          svg: raw(await qrSvg(this.codes.url(event.id, invitation.invitationId), QR_OPTIONS)),
        });
      }
    }
    sendPage(response, 200, renderProgrammePage({ programme, checkInCodes, calendarLinkSent: sent === '1' }));
  }

  @Post('answer/:token/programme/calendar-link')
  @AnswerRateLimit()
  async sendCalendarLink(@Param('token') token: string, @Res() response: Response): Promise<void> {
    await this.programmes.sendFeedLink(token);
    // Relative, so that it also works behind a proxy that mounts the app under a path.
    response.redirect(303, `../programme?sent=1`);
  }

  @Get('programme-link')
  lostLink(@Req() request: Request, @Res() response: Response): void {
    sendPage(
      response,
      200,
      renderLostLinkPage(languageFromAcceptLanguage(request.headers['accept-language']), {}),
    );
  }

  /**
   * Answers at once and the same for every well-formed address: the lookup and the email happen
   * after the answer, so neither the text nor the time tells whether the address is known.
   */
  @Post('programme-link')
  @SignInRateLimit()
  async sendLinks(
    @Body() form: LostLinkFormDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const language = languageFromAcceptLanguage(request.headers['accept-language']);
    const email = form.email.trim();
    if (!EMAIL_PATTERN.test(email)) {
      return sendPage(response, 400, renderLostLinkPage(language, { invalid: true, email }));
    }
    sendPage(response, 200, renderLostLinkPage(language, { sentTo: email }));
    await this.sendLinksLater(email);
  }

  private async sendLinksLater(email: string): Promise<void> {
    try {
      const address = createHash('sha256').update(email.toLowerCase()).digest('hex');
      const count = await this.limiter.hit(`programme-links:${address}`, LINK_EMAIL_WINDOW_SECONDS);
      if (count > LINK_EMAILS_PER_ADDRESS) {
        this.logger.warn('Programme links to one address are limited; no further email sent');
        return;
      }
      await this.programmes.sendProgrammeLinks(email);
    } catch (error) {
      this.logger.error(`Programme links could not be queued: ${String(error)}`);
    }
  }
}
